import Foundation
import FrontdeskCore
import GRDB

/// What a merge moved from the removed customer to the one kept.
public struct CustomerMergeResult: Sendable, Equatable {
    public var kept: Customer
    public var removedName: String
    public var bookings: Int
    public var treatments: Int
    public var followUps: Int
}

extension AppDatabase {
    /// Merges customer `other` into `keep`: its treatments, bookings and follow-ups move, an empty phone
    /// or e-mail of the kept customer is filled from the other (with that consent), notes are joined,
    /// and the other customer is removed. One transaction, audited.
    @discardableResult
    public func mergeCustomers(keep keepID: Int64, other otherID: Int64) throws(StoreError) -> CustomerMergeResult {
        guard keepID != otherID else {
            throw .invalid(.mergeSameCustomer(id: keepID))
        }
        return try write { db in
            var keep = try Self.requireCustomer(db, id: keepID)
            let other = try Self.requireCustomer(db, id: otherID)
            try db.execute(sql: "UPDATE bookings SET customer_id = ? WHERE customer_id = ?", arguments: [keepID, otherID])
            let bookings = db.changesCount
            try db.execute(sql: "UPDATE session_groups SET customer_id = ? WHERE customer_id = ?", arguments: [keepID, otherID])
            let treatments = db.changesCount
            try db.execute(sql: "UPDATE follow_ups SET customer_id = ? WHERE customer_id = ?", arguments: [keepID, otherID])
            let followUps = db.changesCount
            if keep.phone == nil, let phone = other.phone { keep.phone = phone; keep.smsConsent = other.smsConsent }
            if keep.email == nil, let email = other.email { keep.email = email; keep.emailConsent = other.emailConsent }
            if !other.notes.isEmpty, other.notes != keep.notes {
                keep.notes = keep.notes.isEmpty ? other.notes : keep.notes + "\n" + other.notes
            }
            try db.execute(sql: """
                UPDATE customers SET phone = ?, phone_normalised = ?, email = ?, email_search = ?, notes = ?,
                                     sms_consent = ?, email_consent = ? WHERE id = ?
                """, arguments: [keep.phone, self.normalisedPhone(keep.phone), keep.email, keep.email.map(EmailAddress.normalised),
                                 keep.notes, keep.smsConsent, keep.emailConsent, keepID])
            try db.execute(sql: "DELETE FROM customers WHERE id = ?", arguments: [otherID])
            try self.audit(db, action: "merge", entity: "customer", id: "\(keepID)", before: Self.auditText(other),
                           after: "merged #\(otherID) into #\(keepID): \(bookings) bookings, \(treatments) treatments, \(followUps) follow-ups")
            return CustomerMergeResult(kept: try Self.requireCustomer(db, id: keepID), removedName: other.name,
                                       bookings: bookings, treatments: treatments, followUps: followUps)
        }
    }
}
