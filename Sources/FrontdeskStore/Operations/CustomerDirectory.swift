import Foundation
import FrontdeskCore
import GRDB

/// Adding, editing and finding customers, never silently twice.
extension AppDatabase {
    /// Adds a customer. Refuses a name or phone that another customer has already
    /// (`StoreError.duplicateCustomer` naming them) unless `allowDuplicate`.
    @discardableResult
    public func addCustomer(name: String, phone: String? = nil, email: String? = nil, notes: String = "",
                            smsConsent: Bool = false, emailConsent: Bool = false,
                            allowDuplicate: Bool = false) throws(StoreError) -> Customer {
        let details = try validated(CustomerDetails(name: name, phone: phone, email: email, notes: notes,
                                                    smsConsent: smsConsent, emailConsent: emailConsent))
        return try write { db in
            if !allowDuplicate { try self.refuseDuplicates(db, details, except: nil) }
            try db.execute(sql: """
                INSERT INTO customers(name, search_name, phone, phone_normalised, email, email_search, notes,
                                      sms_consent, email_consent, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [details.name, SearchText.fold(details.name), details.phone, self.normalisedPhone(details.phone),
                                 details.email, details.email.map(EmailAddress.normalised), details.notes,
                                 details.smsConsent, details.emailConsent, self.now.storedSeconds])
            let id = db.lastInsertedRowID
            try self.audit(db, action: "add", entity: "customer", id: "\(id)", after: details.name)
            return try Self.requireCustomer(db, id: id)
        }
    }

    /// Replaces a customer's contact details, notes and consents, with the same checks as adding.
    @discardableResult
    public func updateCustomer(id: Int64, to details: CustomerDetails, allowDuplicate: Bool = false) throws(StoreError) -> Customer {
        let details = try validated(details)
        return try write { db in
            let before = try Self.requireCustomer(db, id: id)
            if !allowDuplicate { try self.refuseDuplicates(db, details, except: id) }
            try db.execute(sql: """
                UPDATE customers SET name = ?, search_name = ?, phone = ?, phone_normalised = ?, email = ?, email_search = ?,
                                     notes = ?, sms_consent = ?, email_consent = ?
                WHERE id = ?
                """, arguments: [details.name, SearchText.fold(details.name), details.phone, self.normalisedPhone(details.phone),
                                 details.email, details.email.map(EmailAddress.normalised), details.notes,
                                 details.smsConsent, details.emailConsent, id])
            let after = try Self.requireCustomer(db, id: id)
            try self.audit(db, action: "edit", entity: "customer", id: "\(id)", before: Self.auditText(before), after: Self.auditText(after))
            return after
        }
    }

    /// Customers who have this name (ignoring case and accents) or this phone number (in any format).
    public func duplicateCandidates(name: String, phone: String?, except id: Int64? = nil) throws(StoreError) -> [Customer] {
        let details = CustomerDetails(name: name.trimmingCharacters(in: .whitespacesAndNewlines), phone: phone)
        return try read { db in try self.duplicates(db, details, except: id) }
    }

    /// Customers whose name or e-mail has a word starting with each word of `query` (ignoring case
    /// and accents: "zoe kel" finds "Zoë Keller"), whose phone starts with the number typed in any
    /// format ("079 963", "+41 79 963", "4179963") or contains the digits typed ("963 78"), or whose
    /// e-mail starts with an address typed. An empty query lists everyone by name.
    public func searchCustomers(_ query: String, limit: Int = 50, offset: Int = 0) throws(StoreError) -> [Customer] {
        let (clause, arguments) = searchCondition(query)
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM customers \(clause) ORDER BY search_name, id LIMIT ? OFFSET ?",
                             arguments: StatementArguments(arguments + [limit, offset])).map(RowDecoding.customer)
        }
    }

    /// The WHERE clause of a customer search; names are matched by word, phones and e-mails by prefix
    /// on their normalised columns (index ranges, not scans).
    func searchCondition(_ query: String, alias: String = "") -> (String, [any DatabaseValueConvertible]) {
        let column = { (name: String) in alias.isEmpty ? name : "\(alias).\(name)" }
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return ("", []) }
        var alternatives: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        for prefix in PhoneNumber.searchPrefixes(trimmed, defaultCountryCode: phoneCountryCode) {
            // Digits sort before ':', so [prefix, prefix + ':') is every number starting with prefix.
            alternatives.append("(\(column("phone_normalised")) >= ? AND \(column("phone_normalised")) < ?)")
            arguments += [prefix, prefix + ":"]
        }
        let digits = trimmed.filter { $0.isASCII && $0.isNumber }
        if !trimmed.hasPrefix("+"), !digits.hasPrefix("0"), digits.count >= PhoneNumber.minimumDigits,
           trimmed.allSatisfy({ ($0.isASCII && $0.isNumber) || PhoneNumber.allowedPunctuation.contains($0) }) {
            // Digits from the middle of a number ("555 01"): a scan of the phone column only.
            alternatives.append("\(column("phone_normalised")) LIKE ?")
            arguments.append("%" + digits + "%")
        }
        if PhoneNumber.countryCodeDigits(phoneCountryCode) == nil, digits.hasPrefix("0"), !digits.hasPrefix("00"),
           digits.count > PhoneNumber.minimumDigits,
           trimmed.allSatisfy({ ($0.isASCII && $0.isNumber) || PhoneNumber.allowedPunctuation.contains($0) }) {
            // A national number ("079 963") with no default_country_code: whatever the country, the
            // digits after the trunk 0 follow it in the stored international form (a scan, as above).
            alternatives.append("\(column("phone_normalised")) LIKE ?")
            arguments.append("%" + digits.dropFirst() + "%")
        }
        if trimmed.contains("@") {
            let email = EmailAddress.normalised(trimmed)
            alternatives.append("(\(column("email_search")) >= ? AND \(column("email_search")) < ?)")
            arguments += [email, email + "\u{10FFFF}"]
        }
        let words = SearchText.fold(trimmed).lowercased()
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        if !words.isEmpty, alternatives.isEmpty || trimmed.contains(where: \.isLetter) {
            if words.allSatisfy({ $0.count >= 2 }) {
                // Every word as the start of a word of the name or e-mail, from the full-text index.
                alternatives.append("\(column("id")) IN (SELECT rowid FROM customers_search WHERE customers_search MATCH ?)")
                arguments.append(words.map { "\"\($0)\"*" }.joined(separator: " "))
            } else {
                // One letter matches half the clinic: walking the names in order finds a page at once.
                var all: [String] = []
                for word in words {
                    all.append("(\(column("search_name")) LIKE ? ESCAPE '\\' OR \(column("email_search")) LIKE ? ESCAPE '\\')")
                    let pattern = "%" + SearchText.escapeLike(word) + "%"
                    arguments += [pattern, pattern]
                }
                alternatives.append("(" + all.joined(separator: " AND ") + ")")
            }
        }
        return ("WHERE " + alternatives.joined(separator: " OR "), arguments)
    }

    func normalisedPhone(_ phone: String?) -> String? {
        phone.flatMap { PhoneNumber.normalised($0, defaultCountryCode: phoneCountryCode) }
    }

    /// Trims and checks: a name; a phone of digits and `+ ( ) - space`; an e-mail with one @.
    func validated(_ details: CustomerDetails) throws(StoreError) -> CustomerDetails {
        var result = details
        result.name = details.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !result.name.isEmpty else { throw .invalid(.empty(.customerName)) }
        try Self.checkText(result.name, field: "Customer name", limit: TextLimits.name)
        try Self.checkText(details.phone ?? "", field: "Phone", limit: TextLimits.name)
        try Self.checkText(details.email ?? "", field: "Email", limit: TextLimits.name)
        try Self.checkText(details.notes, field: "Notes", limit: TextLimits.notes, multiline: true)
        result.phone = details.phone?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        result.email = details.email?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        if let phone = result.phone {
            do { try PhoneNumber.validate(phone) } catch { throw .invalid(.phone(text: phone, error)) }
        }
        if let email = result.email {
            do { try EmailAddress.validate(email) } catch { throw .invalid(.email(text: email, error)) }
        }
        if result.smsConsent && result.phone == nil {
            throw .invalid(.consentWithoutContact(.sms))
        }
        if result.emailConsent && result.email == nil {
            throw .invalid(.consentWithoutContact(.email))
        }
        return result
    }

    private func refuseDuplicates(_ db: Database, _ details: CustomerDetails, except id: Int64?) throws {
        let found = try duplicates(db, details, except: id)
        guard found.isEmpty else {
            throw StoreError.refused(.duplicateCustomer(found.map { CustomerMatch(id: $0.id, name: $0.name, phone: $0.phone) }))
        }
    }

    private func duplicates(_ db: Database, _ details: CustomerDetails, except id: Int64?) throws -> [Customer] {
        let phone = normalisedPhone(details.phone)
        return try Row.fetchAll(db, sql: """
            SELECT * FROM customers WHERE (search_name = ? OR (? IS NOT NULL AND phone_normalised = ?)) AND id IS NOT ?
            ORDER BY id LIMIT 5
            """, arguments: [SearchText.fold(details.name), phone, phone, id]).map(RowDecoding.customer)
    }

    static func auditText(_ c: Customer) -> String {
        "\(c.name) | \(c.phone ?? "") | \(c.email ?? "") | sms \(c.smsConsent ? "yes" : "no") | email \(c.emailConsent ? "yes" : "no") | \(c.notes)"
    }

    /// Brings stored phone numbers in line with `default_country_code` when it changed since the last open.
    static func renormalisePhones(_ db: Database, countryCode: String?) throws {
        let code = PhoneNumber.countryCodeDigits(countryCode) ?? ""
        let stored = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'phone_country_code'") ?? ""
        guard code != stored else { return }
        let rows = try Row.fetchAll(db, sql: "SELECT id, phone FROM customers WHERE phone IS NOT NULL")
        let update = try db.makeStatement(sql: "UPDATE customers SET phone_normalised = ? WHERE id = ?")
        for row in rows {
            let phone: String = row["phone"]
            try update.execute(arguments: [PhoneNumber.normalised(phone, defaultCountryCode: code.nilIfEmpty), row["id"] as Int64])
        }
        try db.execute(sql: "INSERT OR REPLACE INTO settings(key, value) VALUES ('phone_country_code', ?)", arguments: [code])
    }
}
