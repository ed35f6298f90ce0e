import Foundation
import FrontdeskCore
import TerminalUI

/// The preview of booking a missed session again with the later sessions moved along: why the
/// date alone does not do, where every session goes, and the two ways on.
extension BookStepView {
    mutating func rebookPreview(_ buffer: inout Buffer) {
        guard let proposal = flow.rebook.proposal, let plan = proposal.movedAlong, let first = plan.sessions.first else {
            line("Checking the later sessions…", &buffer, role: .dim)
            return
        }
        let title = flow.sessionTitle(proposal.number)
        paragraph("\(title) on \(calendar.dayTime(first.to)) breaks the gap to the later sessions:", &buffer)
        for sentence in PlacementWording.sentences(proposal.refusal) { paragraph("⚠ " + sentence, &buffer, role: .warning, indent: 1) }
        blank()
        paragraph("Moved along by the same amount, their gaps stay as planned (\(proposal.provider)):", &buffer)
        blank()
        let definition = flow.services.chosen?.definition
        let rows = plan.sessions.enumerated().map { index, session in
            let label = definition?.label(forSession: session.number) ?? flow.sessionTitle(session.number)
            let what: Table.Item = index == 0
                ? Table.Item("booked again", role: .accent)
                : Table.Item(BookFlow.shiftWords(session, calendar: calendar, provider: proposal.provider),
                             role: session.sameShift == nil ? .completed : .warning)
            return Table.Row([Table.Item("\(session.number)"), Table.Item(label),
                              Table.Item(short(session.from), role: .dim), Table.Item(short(session.to)), what])
        }
        // Without the year the table fits 80 columns; the confirmation that follows gives full dates.
        let columns = [Table.Column("#", width: .fixed(2)), Table.Column("Session", width: .flexible(1)),
                       Table.Column("Was", width: .fixed(16)), Table.Column("Now", width: .fixed(16)),
                       Table.Column("", width: .flexible(2))]
        table(Table(columns: columns, rows: rows), &buffer, maxRows: rows.count + 1)
        for finding in plan.findings.warnings {
            paragraph("⚠ " + RefusalWording.line(finding, provider: proposal.provider, calendar: calendar), &buffer, role: .warning, indent: 1)
        }
        blank()
        paragraph("Enter: book \(title.lowercased()) and move the later sessions (you confirm next). Esc: choose another date.",
                  &buffer, role: .accent)
    }

    /// "Fri 24 Apr 14:00".
    private func short(_ date: Date) -> String {
        "\(calendar.shortDay(calendar.localDay(of: date))) \(calendar.time(date))"
    }
}
