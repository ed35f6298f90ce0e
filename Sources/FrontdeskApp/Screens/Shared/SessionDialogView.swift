import Foundation
import FrontdeskCore
import TerminalUI

/// Draws a session dialog centred over the screen that hosts it.
enum SessionDialogView {
    static func render(_ dialog: SessionDialog, into buffer: inout Buffer, area: Rect, context: RenderContext) {
        let theme = context.theme
        let calendar = context.calendar
        let parser = DateInputParser(calendar: calendar, now: context.now)
        let screen = area.inset(left: 2, right: 2)
        switch dialog {
        case .confirm(let confirm):
            buffer.render(confirm.dialog, in: screen, theme: theme)
        case .message(let message):
            buffer.render(message, in: screen, theme: theme)
        case .reschedule(let form):
            let preview = DateText.preview(form.form.text(.date), parser: parser, offsetsFrom: form.target.start)
            var lines: [FormLine] = [
                .text(form.target.title, .title),
                .text("Booked for " + calendar.dayTime(form.target.start), .normal),
                .blank,
                .form(form.form),
                .text(preview.line, preview.date == nil ? .warning : .statusSuccess),
            ]
            if form.canShiftLater {
                let box = form.shiftLater ? "[x]" : "[ ]"
                lines += [.blank, .text("\(box) Also move the \(form.target.laterBookedCount) later session(s) by the same amount", .normal)]
            }
            if let error = form.error { lines += [.blank] + wrapped(error, role: .statusError) }
            renderForm(title: "Reschedule", lines: lines, in: screen, into: &buffer, theme: theme)
        case .notes(let form):
            renderForm(title: "Notes", lines: [
                .text(form.target.title, .title),
                .text(calendar.dayTime(form.target.start), .normal),
                .blank,
                .form(form.form),
            ], in: screen, into: &buffer, theme: theme)
        case .nextSession(let form):
            renderNextSession(form, context: context, in: screen, into: &buffer)
        case .endTreatment(let form):
            let group = form.group
            renderFormDialog(title: "End the treatment early", intro: [
                "\(group.customerName) · \(group.serviceName)",
                "Upcoming sessions are cancelled; it counts as closed, not completed.",
            ], form: form.form, in: screen, into: &buffer, theme: theme)
        case .extendPackage(let form):
            let group = form.group
            let expired = group.expiresAt.map { "Expires: " + calendar.shortDayWithYear(calendar.localDay(of: $0)) } ?? ""
            var lines = ["\(group.customerName) · \(group.serviceName)", expired]
            if let day = try? parser.parseDay(form.form.text(.until)) {
                lines.append("→ runs until " + calendar.shortDayWithYear(day))
            }
            renderFormDialog(title: "Extend the package", intro: lines, form: form.form, in: screen, into: &buffer, theme: theme)
        }
    }

    /// A box with a few lines of text above a form of the toolkit.
    static func renderFormDialog<ID: Hashable & Sendable>(title: String, intro: [String], form: Form<ID>, in screen: Rect,
                                                          into buffer: inout Buffer, theme: Theme) {
        let width = min(screen.width, 70)
        let frame = screen.centered(width: width, height: min(screen.height, intro.count + form.height + 3))
        buffer.fill(frame, style: theme[.normal])
        let box = Box(title: title, role: .accent)
        box.render(into: &buffer, area: frame, theme: theme)
        let inner = box.inner(of: frame).inset(left: 1, right: 1)
        for (row, line) in intro.enumerated() where row < inner.height {
            buffer.write(line, at: inner.x, y: inner.y + row, style: theme[row == 0 ? .title : .normal], maxWidth: inner.width,
                         ellipsis: theme.symbols.ellipsis)
        }
        let formTop = inner.y + intro.count + 1
        buffer.render(form, in: Rect(x: inner.x, y: formTop, width: inner.width, height: max(0, inner.maxY - formTop)), theme: theme)
    }

    private static func renderNextSession(_ form: NextSessionForm, context: RenderContext, in screen: Rect, into buffer: inout Buffer) {
        let calendar = context.calendar
        let window = form.window
        let preview = DateText.preview(form.form.text(.date), parser: DateInputParser(calendar: calendar, now: context.now))
        var windowText = "Window: \(calendar.dayTime(window.earliest))"
        windowText += window.latest.map { " – \(calendar.dayTime($0))" } ?? " or later"
        var lines: [FormLine] = [
            .text("\(form.customerName) · \(form.serviceName)", .title),
            .text("Book \(form.sessionNoun) \(form.nextNumber) of \(form.totalSessions) now?", .normal),
            .blank,
            .text(windowText, .normal),
            .text("Recommended: \(calendar.dayTime(window.recommended))", .normal),
        ]
        if form.suggested != window.recommended {
            // Otherwise the field seems to contradict the line above it.
            lines.append(.text("First free time from then: \(calendar.dayTime(form.suggested))", .normal))
        }
        lines += [
            .blank,
            .text("Edit the date freely:", .dim),
            .form(form.form),
            .text(preview.line, preview.date == nil ? .warning : .statusSuccess),
        ]
        if let date = preview.date, date < window.earliest || (window.latest.map { date > $0 } ?? false) {
            lines.append(.text("Outside the window: the gaps between sessions may not allow it.", .warning))
        }
        if let error = form.error { lines += [.blank] + wrapped(error, role: .statusError) }
        lines += [.blank, .text("Not now? A follow-up reminds the desk to book it.", .dim)]
        renderForm(title: "Book the next session", lines: lines, in: screen, into: &buffer, theme: context.theme)
    }

    /// One line of a dialog (a form takes a row per field and per error).
    indirect enum FormLine {
        case text(String, ThemeRole)
        case label(String)
        case blank
        case field(TextField)
        case form(Form<SessionField>)
        case select(Select)
        case labelled(String, FormLine)

        var height: Int {
            if case .form(let form) = self { return form.height }
            return 1
        }
    }

    static func wrapped(_ text: String, role: ThemeRole) -> [FormLine] {
        TextWidth.wrap(text.replacingOccurrences(of: "\n", with: " "), to: 62).map { .text($0, role) }
    }

    static func renderForm(title: String, lines: [FormLine], in screen: Rect, into buffer: inout Buffer, theme: Theme) {
        let width = min(screen.width, 70)
        let heights = lines.map(\.height)
        let frame = screen.centered(width: width, height: min(screen.height, heights.reduce(0, +) + 2))
        buffer.fill(frame, style: theme[.normal])
        let box = Box(title: title, role: .accent)
        box.render(into: &buffer, area: frame, theme: theme)
        let inner = box.inner(of: frame).inset(left: 1, right: 1)
        var y = inner.y
        for (line, height) in zip(lines, heights) where y < inner.maxY {
            draw(line, at: Rect(x: inner.x, y: y, width: inner.width, height: min(height, inner.maxY - y)), into: &buffer, theme: theme)
            y += height
        }
    }

    private static func draw(_ line: FormLine, at area: Rect, into buffer: inout Buffer, theme: Theme) {
        switch line {
        case .blank: break
        case .text(let text, let role):
            buffer.write(text, at: area.x, y: area.y, style: theme[role], maxWidth: area.width, ellipsis: theme.symbols.ellipsis)
        case .label(let text):
            buffer.write(text, at: area.x, y: area.y, style: theme[.header], maxWidth: area.width)
        case .field(let field):
            buffer.render(field, in: area, theme: theme)
        case .form(let form):
            buffer.render(form, in: area, theme: theme)
        case .select(let select):
            buffer.render(select, in: area, theme: theme)
        case .labelled(let label, let inner):
            buffer.write(label, at: area.x, y: area.y, style: theme[.header], maxWidth: 10)
            draw(inner, at: Rect(x: area.x + 11, y: area.y, width: max(0, area.width - 11), height: 1), into: &buffer, theme: theme)
        }
    }
}
