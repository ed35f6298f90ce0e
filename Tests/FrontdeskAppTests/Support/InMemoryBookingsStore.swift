import Foundation
import FrontdeskApp
import FrontdeskCore
import TerminalUI

/// The Bookings screen's side of the store, in memory: it answers `BookingsEffect`s from a few
/// treatments held in an array and records every effect, so the screen's update can be tested
/// key by key without SQLite. Only what these tests need is modelled (no gap rules, no paging).
final class InMemoryBookingsStore {
    let calendar: ClinicCalendar
    let now: Date
    private(set) var groups: [SessionGroup]
    private(set) var performed: [BookingsEffect] = []

    init(calendar: ClinicCalendar, now: Date, groups: [SessionGroup]) {
        self.calendar = calendar
        self.now = now
        self.groups = groups
    }

    /// Two treatments: a 3-session implant (session 1 done, 2 and 3 booked) and an 8-session physio plan.
    static func twoTreatments() -> InMemoryBookingsStore {
        let calendar = ClinicCalendar(timeZone: TimeZone(identifier: "Europe/Zurich")!)
        let day = 86_400.0
        let now = Date(timeIntervalSince1970: 1_773_129_600) // Tue 10 Mar 2026 09:00 in Zurich
        func session(_ id: Int64, group: String, customer: (Int64, String), service: String, number: Int, total: Int,
                     in days: Double, status: BookingStatus) -> Booking {
            Booking(id: id, customerID: customer.0, customerName: customer.1, serviceID: 1, serviceName: service,
                    providerID: 1, providerName: "Dr. Keller", start: now.addingTimeInterval(days * day),
                    end: now.addingTimeInterval(days * day + 3600), status: status, sessionGroupID: group,
                    sessionNumber: number, totalSessions: total, label: "")
        }
        let marie = (Int64(1), "Marie Schmidt"), lukas = (Int64(2), "Lukas Huber")
        let implantID = "11111111-1111-4111-8111-111111111111", physioID = "22222222-2222-4222-8222-222222222222"
        let implant = SessionGroup(
            id: implantID, customerID: 1, customerName: "Marie Schmidt", serviceID: 1, serviceName: "Dental Implant",
            sessionNoun: "Session", strategy: .immediate, totalSessions: 3, createdAt: now.addingTimeInterval(-20 * day),
            expiresAt: nil, cancelled: false, sessions: [
                session(1, group: implantID, customer: marie, service: "Dental Implant", number: 1, total: 3, in: -14, status: .completed),
                session(2, group: implantID, customer: marie, service: "Dental Implant", number: 2, total: 3, in: 1, status: .confirmed),
                session(3, group: implantID, customer: marie, service: "Dental Implant", number: 3, total: 3, in: 31, status: .confirmed),
            ])
        let physio = SessionGroup(
            id: physioID, customerID: 2, customerName: "Lukas Huber", serviceID: 2, serviceName: "Physiotherapy",
            sessionNoun: "Session", strategy: .sequential, totalSessions: 8, createdAt: now.addingTimeInterval(-5 * day),
            expiresAt: nil, cancelled: false, sessions: [
                session(4, group: physioID, customer: lukas, service: "Physiotherapy", number: 1, total: 8, in: 2, status: .confirmed),
            ])
        return InMemoryBookingsStore(calendar: calendar, now: now, groups: [implant, physio])
    }

    /// The runner's answer to one effect.
    func perform(_ effect: BookingsEffect) -> BookingsAnswer? {
        performed.append(effect)
        switch effect {
        case .loadTreatments(let request):
            // One page holds everything; earlier pages are empty.
            return .treatmentsLoaded(request, .success(request.backward ? [] : groups.map(summary)))
        case .loadGroup(let request):
            guard let group = groups.first(where: { $0.id == request.groupID }) else {
                return .groupLoaded(request, .failure(AppFailure(message: "No treatment \(request.groupID).")))
            }
            return .groupLoaded(request, .success(group))
        case .loadAgenda(let request):
            return .agendaLoaded(request, .success(groups.flatMap(\.sessions)))
        case .loadProviders:
            return .providersLoaded([])
        case .run(let command):
            return .sessionChanged(command, run(command))
        }
    }

    private func run(_ command: SessionCommand) -> Result<SessionChangeResult, AppFailure> {
        switch command {
        case .complete(let id):
            guard let (g, s) = locate(id) else { return .failure(AppFailure(message: "No session \(id).")) }
            groups[g].sessions[s].status = .completed
            return .success(.completed(CompletionOutcome(booking: groups[g].sessions[s], group: groups[g], nextWindow: nil,
                                                         suggestedNext: nil, treatmentCompleted: false)))
        case .cancel(let id, _):
            guard let (g, s) = locate(id) else { return .failure(AppFailure(message: "No session \(id).")) }
            groups[g].sessions[s].status = .cancelled
            return .success(.bookings([groups[g].sessions[s]]))
        case .setNotes(let id, let notes):
            guard let (g, s) = locate(id) else { return .failure(AppFailure(message: "No session \(id).")) }
            groups[g].sessions[s].notes = notes
            return .success(.bookings([groups[g].sessions[s]]))
        default:
            return .failure(AppFailure(message: "The in-memory store does not do \(command)."))
        }
    }

    private func locate(_ bookingID: Int64) -> (Int, Int)? {
        for (g, group) in groups.enumerated() {
            if let s = group.sessions.firstIndex(where: { $0.id == bookingID }) { return (g, s) }
        }
        return nil
    }

    private func summary(_ group: SessionGroup) -> TreatmentSummary {
        let next = group.sessions.filter { $0.status == .confirmed }.map(\.start).min()
        return TreatmentSummary(
            kind: .group, groupID: group.id, bookingID: nil, customerID: group.customerID, customerName: group.customerName,
            serviceName: group.serviceName, sessionNoun: group.sessionNoun, strategy: group.strategy,
            totalSessions: group.totalSessions, completed: group.sessions.filter { $0.status == .completed }.count,
            booked: group.sessions.filter { $0.status == .confirmed }.count,
            cancelled: group.sessions.filter { $0.status == .cancelled }.count,
            noShow: group.sessions.filter { $0.status == .noShow }.count, nextStart: next,
            anchor: next ?? group.createdAt, singleStatus: nil, groupCancelled: group.cancelled, completedAt: nil,
            expiresAt: group.expiresAt, state: group.state(now: now))
    }
}

/// The shell with only the Bookings screen, its effects answered by the in-memory store, synchronously.
struct InMemoryDesk {
    var state: AppState
    let store: InMemoryBookingsStore

    init(store: InMemoryBookingsStore, width: Int = 100, height: Int = 30) {
        self.store = store
        state = AppState(width: width, height: height, theme: .monochrome, calendar: store.calendar, now: store.now,
                         screens: [ScreenRegistration(BookingsScreen.self)])
        send(.started)
    }

    mutating func press(_ keys: Key...) {
        for key in keys { send(.key(key)) }
    }

    mutating func send(_ msg: AppMsg) {
        var queue = [msg]
        while !queue.isEmpty {
            for effect in AppShell.update(&state, queue.removeFirst()) {
                guard case .screen(let screenEffect) = effect, let bookings = screenEffect.payload as? BookingsEffect,
                      let answer = store.perform(bookings) else { continue }
                queue.append(.answer(screen: screenEffect.screen, payload: answer))
            }
        }
    }

    var text: String {
        var buffer = Buffer(width: state.width, height: state.height)
        AppShell.render(state, into: &buffer)
        return buffer.lines().joined(separator: "\n")
    }
}
