import Foundation
import FrontdeskCore
import TerminalUI

/// Draws the queue: a heading per kind, then one line per follow-up with when it is due, the
/// customer, the phone and the text. Database text goes through the buffer only.
enum FollowUpsView {
    /// One drawn line: a kind's heading or an entry (its index in `entries`).
    enum Line: Equatable {
        case heading(FollowUpKindGroup)
        case entry(Int, FollowUpQueueEntry)
    }

    static func lines(_ state: FollowUpsState) -> [Line] {
        var lines: [Line] = []
        var index = 0
        for group in state.queue?.groups ?? [] {
            lines.append(.heading(group))
            for entry in group.entries {
                lines.append(.entry(index, entry))
                index += 1
            }
        }
        return lines
    }

    static func render(_ state: FollowUpsState, into buffer: inout Buffer, area: Rect, context: RenderContext) {
        let theme = context.theme
        buffer.fill(area, style: theme[.normal])
        guard area.height >= 3 else { return }
        let x = area.x + 1, width = area.width - 2
        let due = state.queue.map { "\($0.pendingDue) due now or overdue" } ?? "Reading the follow-ups…"
        let heading = "\(due) · showing \(state.kind?.title.lowercased() ?? "every kind") (f: kind)"
        buffer.write(heading, at: x, y: area.y, style: theme[.header], maxWidth: width, ellipsis: "…")
        var listArea = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        if let note = state.callNote {
            buffer.write("Note: ", at: x, y: area.maxY - 1, style: theme[.accent])
            buffer.render(note.field, in: Rect(x: x + 6, y: area.maxY - 1, width: max(0, width - 6), height: 1), theme: theme)
            listArea.height -= 2
        }
        guard state.queue != nil else {
            buffer.write("Loading…", at: x, y: listArea.y, style: theme[.dim])
            return
        }
        let all = lines(state)
        if all.isEmpty {
            buffer.write("Nothing to send or call. Follow-ups appear as bookings are made and changed.", at: x, y: listArea.y,
                         style: theme[.dim], maxWidth: width)
            return
        }
        let selectedLine = all.firstIndex { if case .entry(let i, _) = $0 { return i == state.selected }; return false } ?? 0
        let first = max(0, selectedLine - listArea.height + 1)
        for (offset, line) in all.dropFirst(first).prefix(listArea.height).enumerated() {
            let y = listArea.y + offset
            switch line {
            case .heading(let group):
                buffer.write("\(group.kind.title) · \(group.dueCount) due, \(group.entries.count - group.dueCount) upcoming",
                             at: x, y: y, style: theme[.accent], maxWidth: width, ellipsis: "…")
            case let .entry(index, entry):
                let selected = index == state.selected
                let style = selected ? theme[.selection] : theme[.normal]
                if selected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style) }
                let followUp = entry.followUp
                let when = "\(timing(entry.timing)) \(context.calendar.shortDay(followUp.dueAt)) \(context.calendar.time(followUp.dueAt))"
                let nameWidth = area.width >= 100 ? 22 : 16
                var column = x + 2
                // "overdue Wed 25 Nov 09:45", the longest, fits whole.
                buffer.write(when, at: column, y: y, style: selected ? style : theme[role(entry.timing)], maxWidth: whenWidth)
                column += whenWidth + 1
                buffer.write(followUp.customerName, at: column, y: y, style: style, maxWidth: nameWidth, ellipsis: "…")
                column += nameWidth + 1
                buffer.write(followUp.customerPhone ?? "no phone", at: column, y: y, style: style, maxWidth: 17, ellipsis: "…")
                column += 18
                let text = followUp.text.split(whereSeparator: \.isNewline).joined(separator: " ")
                buffer.write(text, at: column, y: y, style: selected ? style : theme[.dim], maxWidth: max(0, area.maxX - column - 1),
                             ellipsis: "…")
            }
        }
    }

    static let whenWidth = 24

    static func timing(_ timing: FollowUpTiming) -> String {
        switch timing {
        case .overdue: return "overdue"
        case .dueNow: return "due"
        case .upcoming: return "from"
        }
    }

    static func role(_ timing: FollowUpTiming) -> ThemeRole {
        switch timing {
        case .overdue: return .warning
        case .dueNow: return .normal
        case .upcoming: return .dim
        }
    }
}
