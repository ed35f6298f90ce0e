import Foundation
import FrontdeskCore
import FrontdeskStore

/// A week fuller than one page of any list: many customers, each with a check-up booked in the
/// coming days, so the Customers list and the Follow-ups queue (a confirmation and a reminder
/// each) have more rows than a screen reads at once.
public enum BusyWeekFixture {
    /// A single 30-minute service.
    public static let checkupJSON = """
    {"name": "Dental Check-up", "requires_multiple_sessions": false, "total_sessions_required": 1, "duration_minutes": 30}
    """

    /// On the seeded clinic (one provider, Mon–Sat 08:00–20:00), with the clock on a Monday before
    /// 08:00: `count` customers "Customer 001"… each booked for a check-up, every half hour from
    /// 08:00 on, Monday to Saturday (at most 144, which keeps every reminder within the week).
    @discardableResult
    public static func seed(_ t: TemporaryDatabase, clinic: ClinicFixture.Clinic, count: Int) throws -> [Customer] {
        precondition(count <= 144, "six days of half-hour slots")
        let checkup = try t.database.importServices(json: checkupJSON)[0].service
        let firstDay = t.calendar.startOfDay(t.calendar.localDay(of: t.now))
        var customers: [Customer] = []
        for index in 0..<count {
            let customer = try t.database.addCustomer(name: String(format: "Customer %03d", index + 1))
            let day = index / 24, slot = index % 24
            let start = t.calendar.adding(days: day, to: firstDay).addingTimeInterval(TimeInterval(8 * 3600 + slot * 1800))
            _ = try t.database.bookSessions(customerID: customer.id, serviceID: checkup.id, providerID: clinic.provider.id,
                                            starts: [start])
            customers.append(customer)
        }
        return customers
    }
}
