import Foundation
import FrontdeskCore
import TerminalUI

/// An open treatment: the group and the session under the cursor.
public struct OpenTreatment: Sendable, Equatable {
    public var group: SessionGroup
    public var selected: Int
    public var scrollOffset: Int = 0

    public init(group: SessionGroup, selected: Int) {
        self.group = group
        self.selected = selected
    }

    /// Sessions in number order (a cancelled and re-booked number shows both).
    public var sessions: [Booking] {
        group.sessions.sorted { ($0.sessionNumber, $0.start) < ($1.sessionNumber, $1.start) }
    }

    public var selectedSession: Booking? {
        let list = sessions
        return list.indices.contains(selected) ? list[selected] : nil
    }

    /// The index of the next booked session, else the last one: where the cursor starts.
    public static func defaultSelection(_ group: SessionGroup) -> Int {
        let list = group.sessions.sorted { ($0.sessionNumber, $0.start) < ($1.sessionNumber, $1.start) }
        if let next = list.filter({ $0.status == .confirmed }).min(by: { $0.start < $1.start }),
           let index = list.firstIndex(of: next) {
            return index
        }
        return max(0, list.count - 1)
    }
}

/// An open treatment, laid out like the guide's "Multi-Session View": who and what, the progress,
/// each session with its status mark, and the next action.
public enum TreatmentPanel {
    /// Lines the panel uses besides the session lines: border (2), heading (2), blank, next action.
    public static let chromeHeight = 6

    /// Draws the treatment into `area`; `focused` when its sessions have the keys.
    public static func render(_ open: OpenTreatment, focused: Bool, into buffer: inout Buffer, area: Rect, context: RenderContext) {
        guard area.height >= 3 else { return }
        let theme = context.theme
        let calendar = context.calendar
        let group = open.group
        let box = Box(title: "\(group.customerName) · \(group.serviceName)", role: focused ? .accent : .border)
        buffer.fill(area, style: theme[.normal])
        box.render(into: &buffer, area: area, theme: theme)
        let inner = box.inner(of: area).inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        var y = inner.y

        let sessions = open.sessions
        let done = sessions.filter { $0.status == .completed }.count
        let booked = sessions.filter { $0.status == .confirmed }.count
        let unscheduled = max(0, group.totalSessions - Set(sessions.filter { $0.status.holdsNumber }.map(\.sessionNumber)).count)
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
            let look = SessionLook(session, now: context.now, theme: theme)
            let role = look.role
            var base = theme[.normal]
            if selected { base = base.patched(with: theme[.selection]) }
            let rowRect = Rect(x: inner.x, y: y, width: inner.width, height: 1)
            buffer.fill(rowRect, style: base)
            var x = inner.x
            let mark = look.mark
            x += buffer.write(mark, at: x, y: y, style: selected ? base : base.patched(with: theme[role]), maxWidth: inner.width)
            x += 1
            var line = "\(group.sessionNoun) \(session.sessionNumber): \(calendar.dayTime(session.start)) - \(look.word)"
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
        let nextLine = "Next action: " + nextAction(group, now: context.now, calendar: calendar)
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

    /// How a session is marked in the pane and the agendas: its status, or "needs outcome" for a
    /// session that has ended while still confirmed (neither completed nor a no-show).
    struct SessionLook {
        /// The mark of a past session without an outcome (ASCII, so every theme shows it), as wide as
        /// the theme's other marks ("[?]" beside monochrome's "[x]").
        static func needsOutcomeMark(_ theme: Theme) -> String {
            theme.symbols.completed.count > 1 ? "[?]" : "?"
        }

        var role: ThemeRole
        var mark: String
        /// "Completed", "Needs outcome".
        var word: String

        init(_ booking: Booking, now: Date, theme: Theme) {
            if booking.needsOutcome(now: now) {
                role = .warning
                mark = Self.needsOutcomeMark(theme)
                word = "Needs outcome"
            } else {
                role = TreatmentPanel.statusRole(booking.status)
                mark = theme.mark(for: role)
                word = TreatmentPanel.statusWord(booking.status)
            }
        }
    }

    /// What the desk should do next for this treatment, in one sentence with the key to press.
    static func nextAction(_ group: SessionGroup, now: Date, calendar: ClinicCalendar) -> String {
        let noun = group.sessionNoun
        let progress = group.progress(now: now)
        switch group.state(now: now) {
        case .completed: return "Treatment complete - offer a follow-up evaluation or another package."
        case .cancelled: return "Treatment cancelled."
        case .ended:
            let reason = group.ended.map { " (\($0.reason.text))" } ?? ""
            return "Treatment ended early\(reason)."
        case .expired:
            let day = group.expiresAt.map { " on " + calendar.shortDayWithYear(calendar.localDay(of: $0)) } ?? ""
            return "Package expired\(day) - a manager can extend it: press \(SessionKeys.name(.extendPackage))."
        case .active, .toBook: break
        }
        if let due = group.sessions.filter({ $0.status == .confirmed && $0.start <= now }).min(by: { $0.start < $1.start }) {
            return "\(noun) \(due.sessionNumber) was due \(calendar.dayTime(due.start)): press \(SessionKeys.name(.complete)) to complete it (or \(SessionKeys.name(.noShow)) no-show)."
        }
        if let missed = progress.missedNumbers.first {
            let more = progress.missedNumbers.count > 1 ? " (and \(progress.missedNumbers.count - 1) more)" : ""
            return "\(noun) \(missed) was missed or cancelled\(more) - press \(SessionKeys.name(.bookNext)) to book it again."
        }
        if let next = group.sessions.filter({ $0.status == .confirmed }).min(by: { $0.start < $1.start }) {
            let reminderDay = calendar.localDay(of: next.start).adding(days: -1)
            return "Send \(noun) \(next.sessionNumber) reminder on \(calendar.shortDay(reminderDay)); \(SessionKeys.name(.complete)) completes it when done."
        }
        let remaining = progress.remaining
        switch group.strategy {
        case .sequential: return "Book \(noun) \(progress.nextFreeNumber ?? progress.completed + 1) - press \(SessionKeys.name(.bookNext))."
        case .flexible: return "\(remaining) \(noun.lowercased())\(remaining == 1 ? "" : "s") left to schedule - press \(SessionKeys.name(.bookNext)) to book more."
        case .immediate: return "\(remaining) \(noun.lowercased())\(remaining == 1 ? "" : "s") to book again - press \(SessionKeys.name(.bookNext))."
        }
    }
}
