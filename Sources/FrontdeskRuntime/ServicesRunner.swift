import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskStore

/// Performs the Services screen's effects against the store, and answers who may change services
/// from the configured managers and the OS account running the desk (never `$USER`).
public struct ServicesRunner: ScreenRunner {
    public let database: AppDatabase
    public let managers: ManagerPolicy
    /// The account running the desk; the system's by default, a given one in tests.
    public let account: @Sendable () -> OSAccount

    public init(database: AppDatabase, managers: ManagerPolicy = ManagerPolicy(),
                account: @escaping @Sendable () -> OSAccount = { SystemAccount.current() }) {
        self.database = database
        self.managers = managers
        self.account = account
    }

    public func perform(_ effect: ServicesEffect) -> ServicesAnswer? {
        switch effect {
        case .checkAccess:
            let user = account()
            return .access(account: user.name, decision: managers.decide(user, action: "change services, providers and closed days"))
        case .loadServices:
            return .servicesLoaded(attempt { () throws(StoreError) in
                let counts = try database.activeTreatmentCounts()
                return try database.services(includeInactive: true).map { service in
                    ServiceRow(id: service.id, name: service.name, strategy: service.strategy, isMultiSession: service.isMultiSession,
                               totalSessions: service.totalSessions, rule: ServiceRuleWords.short(service),
                               priceCents: service.priceCents, activeTreatments: counts[service.id] ?? 0, isActive: service.isActive)
                }
            })
        case .loadProviders:
            return .providersLoaded(attempt { () throws(StoreError) in
                var rows: [ProviderRow] = []
                for provider in try database.providers(includeInactive: true) {
                    let record = try database.providerRecord(id: provider.id)
                    rows.append(ProviderRow(provider: record.provider, services: record.services))
                }
                return rows
            })
        case let .loadService(id, purpose):
            return .serviceLoaded(id: id, purpose: purpose, attempt { () throws(StoreError) in
                let service = try database.service(id: id)
                let draft = ServiceDraft(service, providerNames: try database.providerNames(of: service))
                return LoadedService(draft: draft, activeTreatments: try database.activeTreatmentCounts()[id] ?? 0)
            })
        case let .loadPreviewCalendar(ids, from):
            let calendar = try? database.previewCalendar(providerIDs: ids, from: from)
            return .previewCalendarLoaded(providerIDs: ids, calendar.flatMap { $0 }.map {
                PreviewAvailability(providerName: $0.providerName, schedule: $0.schedule)
            })
        case let .save(draft, id):
            return .saved(attempt { () throws(StoreError) in
                try requireManager()
                let outcome = try database.saveService(draft, id: id)
                return SavedService(id: outcome.service.id, name: outcome.service.name, kind: outcome.kind.rawValue,
                                    changedFields: outcome.changes.map(\.field), activeTreatments: outcome.activeTreatments)
            })
        case let .setActive(id, active):
            return .activeChanged(id: id, attempt { () throws(StoreError) in
                try requireManager()
                return try database.setServiceActive(id: id, active: active).isActive
            })
        case let .editProvider(id, changes):
            return .providerEdited(id: id, attempt { () throws(StoreError) in
                try requireManager()
                var edit = ProviderEdit(name: changes.name, hours: changes.hours, isActive: changes.isActive, services: changes.services)
                if let absence = changes.addAbsence {
                    edit.addAbsences = [ProviderEdit.NewAbsence(first: absence.first, last: absence.last, reason: absence.reason)]
                }
                if let day = changes.removeAbsence { edit.removeAbsences = [day] }
                let outcome = try database.editProvider(id: id, edit)
                return EditedProvider(row: ProviderRow(provider: outcome.record.provider, services: outcome.record.services),
                                      uncoveredBookings: outcome.uncoveredBookings)
            })
        case .addProvider(let changes):
            return .providerAdded(attempt { () throws(StoreError) in
                try requireManager()
                var new = NewProvider(name: changes.name ?? "", hours: changes.hours ?? .weekdaysEightToSix,
                                      isActive: changes.isActive ?? true, services: changes.services ?? [])
                if let absence = changes.addAbsence {
                    new.absences = [ProviderEdit.NewAbsence(first: absence.first, last: absence.last, reason: absence.reason)]
                }
                let record = try database.addProvider(new)
                return EditedProvider(row: ProviderRow(provider: record.provider, services: record.services), uncoveredBookings: [])
            })
        case .loadClosedDays:
            return .closedDaysLoaded(attempt { () throws(StoreError) in try database.clinicClosedDays() })
        case let .addClosedDay(day, reason):
            return .closedDayAdded(day, attempt { () throws(StoreError) in
                try requireManager()
                return try database.addClinicClosedDay(day, reason: reason)
            })
        case .removeClosedDay(let day):
            return .closedDayRemoved(day, attempt { () throws(StoreError) in
                try requireManager()
                try database.removeClinicClosedDay(day)
                return day
            })
        case .session(let command):
            return .sessionChanged(command, SessionCommandRunner(database: database).run(command))
        }
    }

    /// The screen shows the editors read-only to others; the store is not written even if it asked.
    private func requireManager() throws(StoreError) {
        let account = account()
        if case .refused = managers.decide(account) { throw .invalid(.notManager(account: account.name, policy: managers)) }
    }

    private func attempt<T>(_ body: () throws(StoreError) -> T) -> Result<T, AppFailure> { StoreAttempt.run(body) }
}
