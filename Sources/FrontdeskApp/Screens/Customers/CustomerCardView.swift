import Foundation
import FrontdeskCore
import TerminalUI

/// The customer card: contact details and consents, the treatment pane (the guide's Multi-Session
/// View and Package Management, shared with Bookings) for the treatment chosen with ←/→, and the
/// appointments ahead and past (no-shows and cancellations included).
enum CustomerCardView {
    static func render(_ card: CustomerCard, treatment: OpenTreatment?, into buffer: inout Buffer, area: Rect, context: RenderContext) {
        let theme = context.theme
        let customer = card.customer
        guard area.height >= 6 else { return }
        let x = area.x + 1, width = area.width - 2
        buffer.write("#\(customer.id) \(customer.name)", at: x, y: area.y, style: theme[.header], maxWidth: width, ellipsis: "…")
        let contact = "Phone \(customer.phone ?? "—") · E-mail \(customer.email ?? "—") · SMS \(yesNo(customer.smsConsent))"
            + " · E-mail consent \(yesNo(customer.emailConsent))"
        buffer.write(contact, at: x, y: area.y + 1, style: theme[.normal], maxWidth: width, ellipsis: "…")
        let notes = customer.notes.isEmpty ? "Notes —" : "Notes " + customer.notes.split(whereSeparator: \.isNewline).joined(separator: " / ")
        buffer.write(notes, at: x, y: area.y + 2, style: theme[.dim], maxWidth: width, ellipsis: "…")

        let below = area.inset(top: 3)
        let listHeight = min(max(3, below.height / 3), 2 + card.upcoming.count + card.past.count)
        let paneArea = Rect(x: below.x, y: below.y, width: below.width, height: max(0, below.height - listHeight))
        if let treatment {
            let index = card.treatments.firstIndex { $0.id == treatment.group.id } ?? 0
            TreatmentPanel.render(treatment, focused: true, into: &buffer, area: paneArea, context: context)
            if card.treatments.count > 1 {
                let marker = " Treatment \(index + 1) of \(card.treatments.count) (←/→) "
                let markerWidth = TextWidth.width(of: marker)
                buffer.write(marker, at: paneArea.maxX - markerWidth - 2, y: paneArea.y, style: theme[.accent], maxWidth: markerWidth)
            }
        } else {
            buffer.write("No treatments yet. Press b to book one.", at: x, y: paneArea.y, style: theme[.dim], maxWidth: width)
        }
        renderAppointments(card, into: &buffer,
                           area: Rect(x: x, y: paneArea.maxY, width: width, height: below.maxY - paneArea.maxY), context: context)
    }

    static func renderAppointments(_ card: CustomerCard, into buffer: inout Buffer, area: Rect, context: RenderContext) {
        guard area.height > 0 else { return }
        let theme = context.theme
        let calendar = context.calendar
        buffer.write("Appointments: \(card.upcoming.count) ahead, \(card.past.count) past or cancelled", at: area.x, y: area.y,
                     style: theme[.header], maxWidth: area.width)
        let lines = card.upcoming.map { ($0, true) } + card.past.map { ($0, false) }
        for (offset, (booking, ahead)) in lines.prefix(area.height - 1).enumerated() {
            let status = ahead ? "booked" : TreatmentPanel.statusWord(booking.status)
            let text = "\(calendar.dayTime(booking.start))  \(booking.serviceName) \(booking.sessionNumber)/\(booking.totalSessions)  \(status)"
            buffer.write(text, at: area.x + 1, y: area.y + 1 + offset, style: theme[ahead ? .normal : TreatmentPanel.statusRole(booking.status)],
                         maxWidth: area.width - 1, ellipsis: "…")
        }
    }

    static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }
}
