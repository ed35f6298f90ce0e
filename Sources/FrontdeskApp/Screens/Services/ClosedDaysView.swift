import Foundation
import FrontdeskCore
import TerminalUI

/// Draws the clinic's closed days: the list, the form that closes another day, the bookings on a
/// day just closed (each to be moved), and the question before opening a day again.
enum ClosedDaysView {
    static func render(_ pane: ClosedDaysPane, mayChange: Bool, into buffer: inout Buffer, area: Rect, context: RenderContext) {
        let theme = context.theme
        let formHeight = pane.adding.map { $0.height + 2 } ?? 0
        let bookingsHeight = pane.bookingsOnDay.isEmpty ? 0 : min(pane.bookingsOnDay.count + 2, max(3, area.height / 2))
        let parts = area.rows([.fill, .fixed(formHeight), .fixed(bookingsHeight)])
        let rows = pane.days.map { closed in
            Table.Row(texts: [closed.day.description, closed.day.shortText, closed.reason.isEmpty ? "—" : closed.reason])
        }
        let table = Table(columns: [Table.Column("Day", width: .fixed(10)), Table.Column("", width: .fixed(16)),
                                    Table.Column("Reason", width: .flexible(1))],
                          rows: rows, selectedIndex: pane.days.isEmpty || pane.adding != nil || pane.isOnBookings ? nil : pane.selected,
                          emptyMessage: mayChange ? "No closed days. \(ServicesKeymap.name(.new)) closes the clinic on a day (a public holiday)."
                              : "No closed days.")
        buffer.render(table, in: parts[0].inset(left: 1, right: 1), theme: theme)
        if let form = pane.adding {
            let box = Box(title: "Close the clinic on a day")
            buffer.render(box, in: parts[1], theme: theme)
            buffer.render(form, in: box.inner(of: parts[1]).inset(left: 1, right: 1), theme: theme)
        }
        if !pane.bookingsOnDay.isEmpty {
            let box = Box(title: "Bookings on the closed day (\(pane.bookingsOnDay.count)): Enter opens one to move it", role: .warning)
            buffer.render(box, in: parts[2], theme: theme)
            let rows = pane.bookingsOnDay.map { booking in
                Table.Row(texts: [context.calendar.dayTime(booking.start), booking.customerName, booking.providerName,
                                  booking.serviceName + (booking.totalSessions > 1 ? " \(booking.sessionNumber)/\(booking.totalSessions)" : "")])
            }
            let table = Table(columns: [Table.Column("When", width: .fixed(22)), Table.Column("Customer", width: .flexible(1)),
                                        Table.Column("Provider", width: .flexible(1)), Table.Column("Service", width: .flexible(1))],
                              rows: rows, selectedIndex: pane.isOnBookings ? pane.selectedBooking : nil, showsHeader: false)
            buffer.render(table, in: box.inner(of: parts[2]), theme: theme)
        }
        if let closed = pane.confirmingRemoval {
            let question = Dialog(title: "Open the clinic on \(closed.day.shortText)?",
                                  message: ["Every planner will offer this day again\(closed.reason.isEmpty ? "" : " (closed for \(closed.reason))").",
                                            "y opens it; n or Esc keeps it closed."],
                                  buttons: ["Open", "Keep closed"], focusedButton: 1, role: .warning)
            buffer.render(question, in: area, theme: theme)
        }
        pane.desk.render(into: &buffer, area: area, context: context)
    }
}
