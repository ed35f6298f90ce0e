import Foundation
import FrontdeskCore
import TerminalUI

/// The frame around every step: title, breadcrumb, what is chosen so far, the step's body and the
/// flow's status line. The shell draws its key legend from `legend` outside this area.
extension BookFlow {
    /// Draws the flow into `area` (at least 80×23 is expected; smaller areas clip).
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard area.width >= 10, area.height >= 6 else { return }
        buffer.fill(area, style: theme[.normal])
        let title = isContinuing ? "Book more — continue a treatment" : "Book a treatment"
        buffer.write(" \(title)", at: area.x, y: area.y, style: theme[.title], maxWidth: area.width)
        renderBreadcrumb(into: &buffer, row: area.row(1), theme: theme)
        buffer.write(" " + choicesSoFar, at: area.x, y: area.y + 2, style: theme[.dim], maxWidth: area.width,
                     ellipsis: theme.symbols.ellipsis)
        buffer.fill(area.row(3), symbol: theme.symbols.box.horizontal, style: theme[.border])

        // The status gets as many rows as its sentence needs (store refusals can be long), up to four.
        let statusLines = status.map { statusRows($0.message, width: area.width - 2) } ?? []
        let body = Rect(x: area.x + 1, y: area.y + 4, width: area.width - 2, height: area.height - 4 - max(1, statusLines.count))
        var view = BookStepView(flow: self, theme: theme)
        view.render(into: &buffer, area: body)

        if let status {
            let role: ThemeRole = status.kind == .error ? .statusError : status.kind == .warning ? .warning : .statusInfo
            for (index, text) in statusLines.enumerated() {
                let row = area.row(index - statusLines.count)
                // Errors fill their rows so they cannot be missed, even in monochrome.
                if status.kind == .error { buffer.fill(row, style: theme[role]) }
                buffer.write(" " + text, at: row.x, y: row.y, style: theme[role], maxWidth: row.width, ellipsis: theme.symbols.ellipsis)
            }
        }
        if let question = packageCheck?.question { question.render(into: &buffer, area: area, theme: theme) }
        if let leaving { leaving.render(into: &buffer, area: area, theme: theme) }
    }

    /// The status message wrapped to the width, at most four rows (the last one cut with an ellipsis).
    private func statusRows(_ message: String, width: Int) -> [String] {
        let flat = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        let lines = TextWrap.lines(flat, width: width)
        guard lines.count > 4 else { return lines }
        return Array(lines.prefix(3)) + [lines[3...].joined(separator: " ")]
    }

    /// "1 Customer › 2 Service › …" with the current stage highlighted and later ones dimmed.
    private func renderBreadcrumb(into buffer: inout Buffer, row: Rect, theme: Theme) {
        var x = row.x + 1
        let current = step.stage
        for stage in BookStage.allCases {
            if stage.rawValue > 0 {
                x += buffer.write(" › ", at: x, y: row.y, style: theme[.dim], maxWidth: row.maxX - x)
            }
            let text = " \(stage.rawValue + 1) \(stage.title) "
            let style: Style
            if stage == current {
                style = theme[.selection].patched(with: Style(bold: true))
            } else if stage.rawValue < current.rawValue {
                style = theme[.normal]
            } else {
                style = theme[.dim]
            }
            x += buffer.write(text, at: x, y: row.y, style: style, maxWidth: max(0, row.maxX - x))
        }
    }

    /// "Marie Schmidt · Dental Implant - Complete Treatment · Any available".
    var choicesSoFar: String {
        var parts: [String] = []
        if let customer = customers.chosen {
            parts.append(customer.name)
        }
        if let service = services.chosen, step.stage.rawValue > BookStage.service.rawValue || isContinuing {
            parts.append(service.name)
        }
        if step.stage.rawValue > BookStage.provider.rawValue {
            parts.append(providers.chosen?.name ?? "any provider")
        }
        if let group, let service = services.chosen {
            let held = group.sessions.filter { $0.status.holdsNumber }.count
            parts.append("\(held) of \(service.totalSessions) booked so far")
        }
        return parts.isEmpty ? "Nothing chosen yet" : parts.joined(separator: " · ")
    }
}

/// Word-wraps text to a width, for sentences that must be read whole (reasons, notices).
enum TextWrap {
    /// No screen shows more; with it a huge value (a 50 MB service name) costs what is shown.
    static let maxLines = 200

    /// One line per paragraph at least (an empty text is one empty line); a word wider than the
    /// line keeps one line, cut with an ellipsis.
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        let lines = TextWidth.wrap(text, to: width, maxLines: maxLines, longWords: .truncate(ellipsis: "…"))
        return lines.isEmpty ? [""] : lines
    }
}
