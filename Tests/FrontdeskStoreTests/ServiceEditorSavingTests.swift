import Foundation
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// Saving from the Services editor: a service keeps its id when renamed, and a new service never
/// replaces another one of the same name.
@Suite struct ServiceEditorSavingTests {
    @Test func renamingAServiceInTheEditorKeepsItsIdAndTreatments() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        var draft = ServiceDraft(clinic.physio, providerNames: [])
        draft.name = "Physiotherapy (8 sessions)"
        let outcome = try t.database.saveService(draft, id: clinic.physio.id)
        #expect(outcome.kind == .updated && outcome.service.id == clinic.physio.id)
        #expect(outcome.changes.map(\.field) == ["name"])
        #expect(try t.database.services(includeInactive: true).map(\.name).filter { $0.hasPrefix("Physio") } == ["Physiotherapy (8 sessions)"])
    }

    @Test func aNewServiceWithATakenNameIsRefusedAndNothingIsWritten() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        let before = try t.database.exportServices()
        var copy = ServiceDraft(clinic.implant, providerNames: [])
        copy.priceCents = 1
        copy.name = clinic.physio.name.uppercased()
        #expect(throws: StoreError.self) { try t.database.saveService(copy, id: nil) }
        #expect(throws: StoreError.self) { try t.database.saveService(copy, id: clinic.implant.id) }
        let after = try t.database.exportServices()
        #expect(after.count == before.count)
        #expect(after.map { CommentedJSON.canonicalString($0) } == before.map { CommentedJSON.canonicalString($0) })
    }

    @Test func aDuplicateSavedUnderItsOwnNameIsANewService() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        var copy = ServiceDraft(clinic.implant, providerNames: [])
        copy.name = "Copy of \(clinic.implant.name)"
        let outcome = try t.database.saveService(copy, id: nil)
        #expect(outcome.kind == .added && outcome.service.id != clinic.implant.id)
        #expect(try t.database.service(id: clinic.implant.id).name == clinic.implant.name)
    }
}
