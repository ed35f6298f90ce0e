import Foundation
import FrontdeskCore
import TerminalUI

/// An open treatment, laid out like the guide's "Multi-Session View": who and what, the progress,
/// each session with its status mark, and the next action.
public enum TreatmentPanel {
    /// Lines the panel uses besides the session lines: border (2), heading (2), blank, next action.
    public static let chromeHeight = 6

    static func render(_ state: BookingsModel, open: OpenTreatment, into buffer: inout Buffer, area: Rect) {
        guard area.height >= 3 else { return }
        let theme = state.theme
        let calendar = state.calendar
        let group = open.group
        let focused = state.bookings.focus == .sessions
        let box = Box(title: "\(group.customerName) · \(group.serviceName)", role: focused ? .accent : .border)
        buffer.fill(area, style: theme[.normal])
        box.render(into: &buffer, area: area, theme: theme)
        let inner = box.inner(of: area).inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        var y = inner.y

        let sessions = open.sessions
        let done = sessions.filter { $0.status == .completed }.count
        let booked = sessions.filter { $0.status == .confirmed }.count
        let unscheduled = max(0, group.totalSessions - sessions.filter { $0.status.holdsSlot }.count)
        let heading = "Customer: \(group.customerName)   Strategy: \(group.strategy.rawValue.capitalized)"
            + (group.expiresAt.map { "   Expires: \(calendar.shortDayWithYear(calendar.localDay(of: $0)))" } ?? "")
        buffer.write(heading, at: inner.x, y: y, style: theme[.normal], maxWidth: inner.width, ellipsis: theme.symbols.ellipsis)
        y += 1
        var progress = "Progress: \(done) of \(group.totalSessions) complete"
        if booked > 0 { progress += ", \(booked) booked" }
        if unscheduled > 0 { progress += ", \(unscheduled) not yet scheduled" }
        let barWidth = min(24, inner.width / 4)
        let textWidth = buffer.write(progress, at: inner.x, y: y, style: theme[.title], maxWidth: inner.width - barWidth - 2)
        if inner.width - textWidth > barWidth + 2 {
            buffer.render(ProgressBar(completed: done, booked: booked, total: group.totalSessions),
                          in: Rect(x: inner.maxX - barWidth, y: y, width: barWidth, height: 1), theme: theme)
        }
        y += 1

        let visible = max(1, inner.maxY - y - 2)
        let offset = Table.scrollOffset(keeping: open.selected, visible: visible, from: open.scrollOffset, rowCount: sessions.count)
        for index in offset..<min(sessions.count, offset + visible) {
            let session = sessions[index]
            let selected = focused && index == open.selected
            let role = statusRole(session.status)
            var base = theme[.normal]
            if selected { base = base.patched(with: theme[.selection]) }
            let rowRect = Rect(x: inner.x, y: y, width: inner.width, height: 1)
            buffer.fill(rowRect, style: base)
            var x = inner.x
            let mark = theme.mark(for: role)
            x += buffer.write(mark, at: x, y: y, style: selected ? base : base.patched(with: theme[role]), maxWidth: inner.width)
            x += 1
            var line = "\(group.sessionNoun) \(session.sessionNumber): \(calendar.dayTime(session.start)) - \(statusWord(session.status))"
            // Plans without their own labels call each session "Session k of n"; that is said already.
            if !session.label.isEmpty, !session.label.hasPrefix("\(group.sessionNoun) \(session.sessionNumber) ") {
                line += "  \(session.label)"
            }
            line += "  (\(session.providerName))"
            if !session.notes.isEmpty { line += "  Note: \(session.notes)" }
            buffer.write(line, at: x, y: y, style: base, maxWidth: inner.maxX - x, ellipsis: theme.symbols.ellipsis)
            y += 1
        }
        if sessions.count > visible {
            buffer.write(" \(offset + 1)–\(min(sessions.count, offset + visible)) of \(sessions.count) ", at: area.maxX - 16,
                         y: area.maxY - 1, style: theme[.border], maxWidth: 15)
        }
        let nextLine = "Next action: " + nextAction(group, now: state.now, calendar: calendar)
        buffer.write(nextLine, at: inner.x, y: inner.maxY - 1, style: theme[.accent], maxWidth: inner.width,
                     ellipsis: theme.symbols.ellipsis)
    }

    static func statusRole(_ status: BookingStatus) -> ThemeRole {
        switch status {
        case .completed: return .completed
        case .confirmed: return .confirmed
        case .cancelled: return .cancelled
        case .noShow: return .noShow
        }
    }

    static func statusWord(_ status: BookingStatus) -> String {
        switch status {
        case .completed: return "Completed"
        case .confirmed: return "Confirmed"
        case .cancelled: return "Cancelled"
        case .noShow: return "No-show"
        }
    }

    /// What the desk should do next for this treatment, in one sentence with the key to press.
    static func nextAction(_ group: SessionGroup, now: Date, calendar: ClinicCalendar) -> String {
        let noun = group.sessionNoun
        let done = group.sessions.filter { $0.status == .completed }.count
        if done >= group.totalSessions { return "Treatment complete - offer a follow-up evaluation or another package." }
        if group.cancelled { return "Treatment cancelled." }
        if let expires = group.expiresAt, expires <= now { return "Package expired - a manager can extend it." }
        let held = group.sessions.filter { $0.status.holdsSlot }.count
        if let next = group.sessions.filter({ $0.status == .confirmed }).min(by: { $0.start < $1.start }) {
            if next.start <= now {
                return "\(noun) \(next.sessionNumber) was due \(calendar.dayTime(next.start)): press c to complete it (or n no-show)."
            }
            let reminderDay = calendar.localDay(of: next.start).adding(days: -1)
            return "Send \(noun) \(next.sessionNumber) reminder on \(calendar.shortDay(reminderDay)); c completes it when done."
        }
        let remaining = group.totalSessions - held
        switch group.strategy {
        case .sequential: return "Book \(noun) \(done + 1) - press m."
        case .flexible: return "\(remaining) \(noun.lowercased())\(remaining == 1 ? "" : "s") left to schedule - press m to book more."
        case .immediate: return "\(remaining) cancelled \(noun.lowercased())\(remaining == 1 ? "" : "s") to re-book - press m."
        }
    }
}
