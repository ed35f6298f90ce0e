import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskRuntime
import FrontdeskStore
import FrontdeskTestSupport
import TerminalUI

/// A clinic at fixed dates, seen on Tuesday 10 March 2026 at 09:00 (Europe/Zurich):
/// - Marie Schmidt, dental implant (immediate): sessions 1–2 completed (Feb 9, Feb 23), 3 on Wed 25 Mar 14:00;
/// - Lukas Huber, physiotherapy (sequential, 8): session 1 completed Fri 6 Mar, session 2 today 15:00;
/// - Thomas Weber, driving lessons (flexible, 10): lessons 1–3 on Wed 11, Fri 13, Mon 16 Mar at 17:00;
/// - Zoë Müller, a single check-up on Thu 12 Mar 10:00, and Sara Nguyen's check-up on Tue 3 Mar (completed).
final class BookingsScenario {
    let temporary: TemporaryDatabase
    let clinic: ClinicFixture.Clinic
    let checkup: Service
    let implantGroup: String
    let physioGroup: String
    let drivingGroup: String
    let singleBooking: Int64

    var database: AppDatabase { temporary.database }

    static let checkupJSON = """
    {"name": "Dental Check-up", "requires_multiple_sessions": false, "total_sessions_required": 1, "duration_minutes": 30,
     "trigger_words": ["check-up"]}
    """

    init() throws {
        temporary = try TemporaryDatabase(now: "2026-02-02T09:00:00+01:00")
        let db = temporary.database
        clinic = try ClinicFixture.seed(db)
        checkup = try db.importServices(json: BookingsScenario.checkupJSON)[0].service
        let lukas = try db.addCustomer(name: "Lukas Huber", phone: "+41 79 555 02 03")
        let thomas = try db.addCustomer(name: "Thomas Weber")
        let zoe = try db.addCustomer(name: "Zoë Müller")
        let sara = try db.addCustomer(name: "Sara Nguyen")

        let implant = try db.bookImmediate(customerID: clinic.customer.id, serviceID: clinic.implant.id,
                                           firstStart: temporary.at("2026-02-09 14:00"))
        implantGroup = implant.group!.id
        let early = try db.bookSessions(customerID: sara.id, serviceID: checkup.id, starts: [temporary.at("2026-03-03 10:00")])

        temporary.now = temporary.at("2026-02-24 08:00")
        for session in implant.bookings.prefix(2) { _ = try db.complete(bookingID: session.id) }

        temporary.now = temporary.at("2026-03-02 09:00")
        let physio = try db.bookSessions(customerID: lukas.id, serviceID: clinic.physio.id, starts: [temporary.at("2026-03-06 10:00")])
        physioGroup = physio.group!.id
        let driving = try db.bookSessions(customerID: thomas.id, serviceID: clinic.driving.id,
                                          starts: ["2026-03-11 17:00", "2026-03-13 17:00", "2026-03-16 17:00"].map(temporary.at))
        drivingGroup = driving.group!.id
        singleBooking = try db.bookSessions(customerID: zoe.id, serviceID: checkup.id, starts: [temporary.at("2026-03-12 10:00")])
            .bookings[0].id

        temporary.now = temporary.at("2026-03-06 18:00")
        _ = try db.complete(bookingID: physio.bookings[0].id)
        _ = try db.complete(bookingID: early.bookings[0].id)
        _ = try db.bookSessions(customerID: lukas.id, serviceID: clinic.physio.id, starts: [temporary.at("2026-03-10 15:00")],
                                groupID: physioGroup)

        temporary.now = temporary.at("2026-03-10 09:00")
    }

    /// A started session on the scenario's database, at a terminal size, in a theme.
    func session(width: Int = 100, height: Int = 30, theme: Theme = .standard) -> AppSession {
        let session = AppSession(database: database, theme: theme, width: width, height: height)
        session.start()
        return session
    }

    /// A booking as it is stored now.
    func booking(_ id: Int64) throws -> Booking { try database.booking(id: id) }

    /// A treatment as it is stored now.
    func group(_ id: String) throws -> SessionGroup { try database.group(id: id) }
}

extension AppState {
    /// The Bookings screen's state (the first tab is always open in these tests).
    var bookings: BookingsState { screen(BookingsScreen.self)?.bookings ?? BookingsState(today: calendar.localDay(of: now)) }
}

extension AppSession {
    /// Moves the list selection to the first row whose text contains `text`.
    func select(rowContaining text: String) {
        for _ in 0..<60 {
            if let row = state.bookings.list.selectedRow, "\(row.customerName) \(row.serviceName)".contains(text) { return }
            press(.down)
        }
    }

    /// True when the screen shows `text` somewhere.
    func shows(_ text: String) -> Bool { screenText.contains(text) }
}
