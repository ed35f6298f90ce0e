import Foundation
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// Lookups and input problems carry typed payloads: the record kind and the text typed, the rule
/// and the values that broke it; the plain wording is built from them.
@Suite struct StoreErrorPayloadTests {
    func day(_ text: String) -> LocalDay { LocalDay(iso: text)! }

    func caught(_ body: () throws(StoreError) -> Void) -> StoreError? {
        do { try body() } catch { return error }
        return nil
    }

    @Test func aLookupThatFindsNothingNamesTheKindAndTheTextTyped() throws {
        let t = try TemporaryDatabase()
        _ = try ClinicFixture.seed(t.database)
        #expect(throws: StoreError.notFound(.service, key: "NOPE")) { try t.database.resolveService("NOPE") }
        #expect(throws: StoreError.notFound(.customer, key: "Nobody")) { try t.database.resolveCustomer("Nobody") }
        #expect(throws: StoreError.notFound(.provider, key: "Dr. Nobody")) { try t.database.resolveProvider("Dr. Nobody") }
        #expect(throws: StoreError.notFound(.booking, key: "999")) { try t.database.booking(id: 999) }
        #expect(throws: StoreError.notFound(.followUp, key: "999")) { try t.database.markFollowUp(id: 999, as: .called) }
        // The text typed is user input: it reaches the terminal escaped.
        #expect(!StoreError.notFound(.customer, key: "9\u{1B}[2J").description.contains("\u{1B}"))
    }

    @Test func aNameThatMatchesSeveralCustomersListsThemWithTheirNumbers() throws {
        let t = try TemporaryDatabase()
        let muster = try t.database.addCustomer(name: "Anna Muster")
        let meier = try t.database.addCustomer(name: "Anna Meier")
        let error = caught { () throws(StoreError) in _ = try t.database.resolveCustomer("anna") }
        guard case let .ambiguous(kind, key, candidates) = error else { Issue.record("expected ambiguous, got \(String(describing: error))"); return }
        #expect(kind == .customer)
        #expect(key == "anna")
        #expect(Set(candidates.map(\.id)) == [muster.id, meier.id])
        #expect(Set(candidates.map(\.name)) == ["Anna Muster", "Anna Meier"])
        #expect(error!.description.contains("Anna Muster (#\(muster.id))"))
        #expect(error!.description.contains("several customers"))
    }

    @Test func customerChecksCarryTheProblemAndTheTextTyped() throws {
        let t = try TemporaryDatabase()
        #expect(throws: StoreError.invalid(.phone(text: "079+963", .misplacedPlus))) { try t.database.addCustomer(name: "Zoe", phone: "079+963") }
        #expect(throws: StoreError.invalid(.email(text: "zoe", .atSigns(0)))) { try t.database.addCustomer(name: "Zoe", email: "zoe") }
        #expect(throws: StoreError.invalid(.empty(.customerName))) { try t.database.addCustomer(name: "  ") }
        #expect(throws: StoreError.invalid(.consentWithoutContact(.sms))) { try t.database.addCustomer(name: "Zoe", smsConsent: true) }
        #expect(throws: StoreError.invalid(.consentWithoutContact(.email))) { try t.database.addCustomer(name: "Zoe", emailConsent: true) }
        let zoe = try t.database.addCustomer(name: "Zoe")
        #expect(throws: StoreError.invalid(.mergeSameCustomer(id: zoe.id))) { try t.database.mergeCustomers(keep: zoe.id, other: zoe.id) }
        // The wording is today's: what, why, what to do.
        #expect(StoreError.invalid(.phone(text: "079+963", .misplacedPlus)).description
                == "Phone “079+963”: a + may only start the number (the country code), e.g. +41 79 963 78 17.")
    }

    @Test func providerChecksCarryTheNameAndTheDays() throws {
        let t = try TemporaryDatabase(now: "2026-07-01T09:00:00+02:00")
        let clinic = try ClinicFixture.seed(t.database)
        let name = clinic.provider.name
        #expect(throws: StoreError.invalid(.nameTaken(.provider, name: name))) { try t.database.addProvider(name: name) }
        #expect(throws: StoreError.invalid(.empty(.providerName))) { try t.database.addProvider(name: " ") }
        #expect(throws: StoreError.invalid(.noAbsenceStarting(provider: name, day: day("2026-01-01"), absences: []))) {
            try t.database.editProvider(id: clinic.provider.id, ProviderEdit(removeAbsences: [day("2026-01-01")]))
        }
        #expect(throws: StoreError.invalid(.absenceBackwards(first: day("2026-08-02"), last: day("2026-07-20")))) {
            try t.database.editProvider(id: clinic.provider.id, ProviderEdit(addAbsences: [.init(first: day("2026-08-02"), last: day("2026-07-20"))]))
        }
        let error = caught { () throws(StoreError) in _ = try t.database.addProvider(name: "Dr. Vogel", hours: "Mon 18:00-08:00") }
        guard case .invalid(.workingHours) = error else { Issue.record("expected working hours, got \(String(describing: error))"); return }
    }

    @Test func serviceFilesCarryWhatIsWrongWithThem() throws {
        let t = try TemporaryDatabase()
        #expect(throws: StoreError.invalid(.serviceFile(.empty))) { try t.database.importServices(json: "  ") }
        #expect(throws: StoreError.invalid(.serviceFile(.notServices))) { try t.database.importServices(json: "[1, 2]") }
        let unreadable = caught { () throws(StoreError) in _ = try t.database.importServices(json: "{\"name\": ") }
        guard case .invalid(.serviceFile(.unreadable)) = unreadable else { Issue.record("got \(String(describing: unreadable))"); return }
        let second = caught { () throws(StoreError) in _ = try t.database.importServices(json: "[{\"name\": \"Massage\"}, {\"name\": \"\"}]") }
        guard case let .invalid(.service(index, problem)) = second else { Issue.record("got \(String(describing: second))"); return }
        #expect(index == 2)
        #expect(second!.description.hasPrefix("Service 2: \(problem.field): "))
        #expect(try t.database.services(includeInactive: true).isEmpty)
    }

    @Test func backupsAndRestoresCarryThePathAndTheProblem() throws {
        let t = try TemporaryDatabase()
        let missing = t.folder.appendingPathComponent("gone.sqlite").path
        #expect(throws: StoreError.invalid(.backup(path: missing, .missing))) { try AppDatabase.restore(backup: missing, to: t.path) }
        #expect(throws: StoreError.invalid(.backup(path: t.folder.path, .notRegular))) { try AppDatabase.restore(backup: t.folder.path, to: t.path) }
        let empty = t.folder.appendingPathComponent("empty.sqlite").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(throws: StoreError.invalid(.backup(path: empty, .empty))) { try AppDatabase.restore(backup: empty, to: t.path) }
        #expect(throws: StoreError.invalid(.backup(path: empty, .exists(thisMinute: false)))) { try t.database.backup(to: empty) }
    }

    @Test func theManagerRefusalCarriesTheAccountAndThePolicyAndReadsAsThePolicySaysIt() {
        let policy = ManagerPolicy(managers: ["boss"], managersGroup: "owners")
        let problem = InputProblem.notManager(account: "anna", policy: policy)
        #expect(policy.decide(OSAccount(name: "anna")) == .refused(reason: problem.reason))
        #expect(problem.sentence.contains("“anna”"))
        #expect(problem.sentence.contains("managers = [\"boss\"] or the group “owners”"))
    }
}

extension StoreErrorPayloadTests {
    @Test func anAbsenceOfMoreThanTenYearsCarriesItsDaysAndTheLimit() throws {
        let t = try TemporaryDatabase(now: "2026-07-01T09:00:00+02:00")
        let clinic = try ClinicFixture.seed(t.database)
        let error = StoreError.invalid(.absenceTooLong(first: day("2026-01-01"), last: day("2040-01-01"), longestDays: AppDatabase.longestAbsenceDays))
        #expect(throws: error) {
            try t.database.editProvider(id: clinic.provider.id, ProviderEdit(addAbsences: [.init(first: day("2026-01-01"), last: day("2040-01-01"))]))
        }
        #expect(error.description == "Absence: 2026-01-01..2040-01-01 is longer than 10 years. Check the dates, or make the provider inactive.")
    }
}
