import Foundation
import FrontdeskCore
import TerminalUI

/// The strategy steps and the confirmation.
extension BookStepView {
    private var service: Service? { flow.services.chosen }

    /// The parsed date (or why not) under a date field.
    mutating func feedback(_ field: DateField, _ buffer: inout Buffer, indent: Int = 8) {
        let (text, role) = field.feedback(calendar: calendar, now: flow.now)
        paragraph(text, &buffer, role: role, indent: indent)
    }

    // MARK: - Immediate

    mutating func immediateStart(_ buffer: inout Buffer) {
        guard let service else { return }
        let definition = service.definition
        paragraph("When should \(definition.label(forSession: 1).lowercased()) (\(flow.sessionTitle(1)), \(definition.durationMinutes(forSession: 1)) min) take place?", &buffer)
        paragraph("The rest follow at the treatment's gaps; the preview checks each one.", &buffer, role: .dim)
        blank()
        field("Start", flow.immediate.start.text, &buffer, width: 36)
        feedback(flow.immediate.start, &buffer)
        blank()
        for text in ServiceDescription(service: service).lines.dropFirst() { paragraph(text, &buffer, role: .dim) }
    }

    mutating func immediatePreview(_ buffer: inout Buffer) {
        let plan = flow.immediate
        let first = plan.proposedFirstStart.map(calendar.dayTime) ?? "?"
        paragraph("All \(plan.sessions.count) sessions from \(first), checked for \(plan.proposal?.provider.name ?? "the providers"):", &buffer)
        blank()
        guard let proposal = plan.proposal, !plan.isProposing else {
            line("Checking availability…", &buffer, role: .dim)
            return
        }
        var rows: [Table.Row] = []
        for session in proposal.plan.sessions {
            rows.append(Table.Row([
                Table.Item("\(session.number)"), Table.Item(session.label),
                Table.Item(calendar.shortDayWithYear(calendar.localDay(of: session.start))), Table.Item(calendar.time(session.start)),
                Table.Item("\(session.durationMinutes)"),
                availability(session, pinned: plan.pinned[session.number] != nil),
            ]))
        }
        let columns = [Table.Column("#", width: .fixed(2)), Table.Column("Session", width: .flexible(1)),
                       Table.Column("Date", width: .fixed(15)), Table.Column("Time", width: .fixed(5)),
                       Table.Column("Min", width: .fixed(3), alignment: .right), Table.Column("Availability", width: .flexible(1))]
        table(Table(columns: columns, rows: rows, selectedIndex: plan.selected), &buffer, maxRows: rows.count + 1)
        blank()
        for conflict in proposal.conflictLines(calendar: calendar) { paragraph("⚠ " + conflict, &buffer, role: .warning) }
        // A session the rule refuses where it stands (past the booking horizon, say) has no slot
        // conflict to show: the rule's own words name why.
        let standing = Set(proposal.plan.sessions.filter { !$0.isPlaceable && $0.conflict == nil }.map(\.number))
        for finding in proposal.plan.findings.refusals where standing.contains(finding.number) {
            paragraph("⚠ " + RefusalWording.line(finding, provider: proposal.provider.name, calendar: calendar), &buffer, role: .warning)
        }
        for session in proposal.plan.sessions {
            if let change = session.clockChange {
                paragraph("⚠ \(flow.sessionTitle(session.number)): " + PlacementWording.clockChange(change), &buffer, role: .warning)
            }
        }
        if let editing = plan.editing, plan.sessions.indices.contains(plan.selected) {
            blank()
            field("Session \(plan.sessions[plan.selected].number) on", editing.text, &buffer, labelWidth: 14, width: 36)
            feedback(editing, &buffer, indent: 14)
        } else if proposal.plan.fitsAsRequested && proposal.plan.isComplete {
            paragraph("Every session fits as requested. Enter accepts the plan; e edits a session's date.", &buffer, role: .dim)
        } else if proposal.plan.sessions.contains(where: { !$0.isPlaceable }) {
            // Nothing to accept yet: the refused session needs another date first.
            let edit = BookKeymap.name(.editDate, in: .immediatePreview), back = BookKeymap.name(.back, in: .immediatePreview)
            paragraph("A session cannot be booked where it stands (see above): \(edit) gives it another date, \(back) changes the start.",
                      &buffer, role: .warning)
        } else {
            paragraph("Not every session fits as requested. \(BookKeymap.name(.accept, in: .immediatePreview)) accepts the proposed times; "
                      + "\(BookKeymap.name(.editDate, in: .immediatePreview)) edits a session's date and the later ones re-plan around it.",
                      &buffer, role: .warning)
        }
    }

    /// "free", "moved", "set by hand" or "no free slot", with the reason when there is one.
    private func availability(_ session: PlannedSession, pinned: Bool) -> Table.Item {
        if !session.isPlaceable {
            guard let conflict = session.conflict else { return Table.Item("✗ refused (see below)", role: .statusError) }
            return Table.Item("✗ no free slot: \(conflict.shortLabel)", role: .statusError)
        }
        if pinned { return Table.Item("✎ set by hand", role: .accent) }
        if session.start != session.requestedStart || session.conflict != nil {
            return Table.Item("→ moved" + (session.conflict.map { ": \($0.shortLabel)" } ?? ""), role: .warning)
        }
        return Table.Item("✓ free", role: .completed)
    }

    // MARK: - Flexible

    mutating func flexibleCount(_ buffer: inout Buffer) {
        guard let service else { return }
        let noun = service.definition.sessionNoun.lowercased()
        let remaining = flow.remainingInPackage
        if flow.group == nil {
            paragraph("The package has \(service.totalSessions) \(noun)s; book as many or as few now as the customer likes.", &buffer)
        } else {
            paragraph("\(remaining) of \(service.totalSessions) \(noun)s are not booked yet; the numbering continues at \(flow.upcomingNumbers.first ?? 1).", &buffer)
        }
        paragraph(ServiceDescription(service: service).spacingLine, &buffer, role: .dim)
        blank()
        field("How many \(noun)s now?", flow.flexible.count, &buffer, labelWidth: 24, width: 6)
        line("1 to \(remaining); Enter alone books one.", &buffer, role: .dim, indent: 24)
    }

    mutating func flexibleMode(_ buffer: inout Buffer) {
        guard let service else { return }
        let count = flow.flexible.chosenCount ?? 1
        let noun = service.definition.sessionNoun.lowercased()
        line("\(count) \(noun)\(count == 1 ? "" : "s") now. How will you give the dates?", &buffer)
        blank()
        let rows = FlexiblePackage.Mode.allCases.map { mode in
            Table.Row([Table.Item(mode == .dates ? "d" : "p", role: .legendKey), Table.Item(mode.title)])
        }
        table(Table(columns: [Table.Column("", width: .fixed(1)), Table.Column("", width: .flexible(1))], rows: rows,
                    selectedIndex: flow.flexible.mode.rawValue, showsHeader: false), &buffer, maxRows: 2)
        blank()
        paragraph("A pattern is what the customer says, e.g. “Mon Wed 18:00, Sat 10:00”.", &buffer, role: .dim)
    }

    mutating func flexiblePattern(_ buffer: inout Buffer) {
        guard let service else { return }
        let count = flow.flexible.chosenCount ?? 1
        paragraph("Which days and times suit the customer? The desk proposes the next \(count) free slots.", &buffer)
        blank()
        field("Pattern", flow.flexible.pattern, &buffer, labelWidth: 9, width: 40)
        if let pattern = flow.flexible.parsedPattern {
            line("→ \(pattern)", &buffer, role: .accent, indent: 9)
        } else if let problem = flow.flexible.patternProblem {
            paragraph(problem, &buffer, role: .statusError, indent: 9)
        } else {
            line("e.g. Mon Wed 18:00, Sat 10:00 · Tue Thu 5pm · Mon-Fri 07:30", &buffer, role: .dim, indent: 9)
        }
        blank()
        paragraph(ServiceDescription(service: service).spacingLine, &buffer, role: .dim)
    }

    mutating func flexibleProposal(_ buffer: inout Buffer) {
        let package = flow.flexible
        line("Free slots for “\(package.pattern.value)”:", &buffer)
        blank()
        guard let proposal = package.proposal, !package.isProposing else {
            line("Finding free slots…", &buffer, role: .dim)
            return
        }
        let rows = zip(flow.upcomingNumbers, proposal.starts).map { number, start in
            Table.Row(texts: [flow.sessionTitle(number), calendar.shortDayWithYear(calendar.localDay(of: start)),
                              calendar.time(start), proposal.provider.name])
        }
        let columns = [Table.Column("Session", width: .flexible(2)), Table.Column("Date", width: .fixed(15)),
                       Table.Column("Time", width: .fixed(5)), Table.Column("Provider", width: .flexible(2))]
        table(Table(columns: columns, rows: rows, selectedIndex: package.selected, emptyMessage: "No free slot matches this pattern."),
              &buffer, maxRows: rows.count + 1)
        blank()
        if let editing = package.editing {
            field("New date", editing.text, &buffer, labelWidth: 10, width: 36)
            feedback(editing, &buffer, indent: 10)
        } else {
            line("Enter accepts these slots; e edits the highlighted one.", &buffer, role: .dim)
        }
    }

    // MARK: - One date per session

    mutating func sessionDates(_ buffer: inout Buffer) {
        guard let service else { return }
        let dates = flow.dates
        if service.isMultiSession && service.strategy == .sequential, let number = dates.numbers.first {
            line("When would the customer like \(flow.sessionTitle(number).lowercased())?", &buffer)
            paragraph(sequentialNote(service, number: number, start: dates.fields.first?.date), &buffer, role: .dim)
        } else if dates.fields.count > 1 {
            line("One date and time for each; Enter moves to the next.", &buffer)
        } else {
            line("When should it take place?", &buffer)
        }
        blank()
        let labelWidth = 18
        for (index, field) in dates.fields.enumerated() where y < area.maxY {
            var text = field.text
            text.isFocused = index == dates.index
            let title = flow.sessionTitle(dates.numbers[index])
            buffer.write(title, at: area.x, y: y, style: theme[index == dates.index ? .title : .header], maxWidth: labelWidth - 1)
            text.render(into: &buffer, area: Rect(x: area.x + labelWidth, y: y, width: min(30, area.width - labelWidth), height: 1), theme: theme)
            let x = area.x + labelWidth + 32
            if let date = field.date {
                buffer.write("→ \(calendar.dayTime(date))", at: x, y: y, style: theme[date < flow.now ? .warning : .accent],
                             maxWidth: max(0, area.maxX - x))
            } else if field.problem != nil {
                buffer.write("✗ not understood", at: x, y: y, style: theme[.statusError], maxWidth: max(0, area.maxX - x))
            }
            y += 1
        }
        blank()
        // The row already shows an understood date; below goes what needs words: a reason or examples.
        if dates.fields.indices.contains(dates.index) {
            let current = dates.fields[dates.index]
            let (text, role) = current.feedback(calendar: calendar, now: flow.now)
            if current.date == nil || role == .warning { paragraph(text, &buffer, role: role) }
        }
    }

    /// Sequential: when the session after this one will be booked, from the buffer rules.
    func sequentialNote(_ service: Service, number: Int, start: Date?) -> String {
        guard number < service.totalSessions else {
            return "This is the last session of the treatment."
        }
        let gap = service.bufferRules.gap(afterSession: number)
        var text = "Only this session is booked now. Session \(number + 1) is booked after it is completed, "
        text += gap.maximum.map { "\(ServiceDescription.range(gap.minimum, $0)) later" } ?? "at least \(gap.minimum) later"
        if gap.recommended != gap.minimum { text += " (ideally \(gap.recommended))" }
        guard let start else { return text + "." }
        let window = SchedulePlanner.sequentialWindow(after: start, gap: gap, calendar: calendar)
        text += ": between \(calendar.shortDay(window.earliest))"
        text += window.latest.map { " and \(calendar.shortDay($0))" } ?? " and later"
        if window.recommended != window.earliest { text += ", ideally \(calendar.shortDay(window.recommended))" }
        return text + "."
    }

    // MARK: - Confirmation

    mutating func confirm(_ buffer: inout Buffer) {
        guard let service, let customer = flow.customers.chosen else { return }
        let rows = flow.confirmationRows
        paragraph("Book for \(customer.name): \(service.name)", &buffer, role: .title)
        line("With \(rows.first?.provider ?? "any available provider")", &buffer)
        blank()
        let tableRows = rows.map { row in
            Table.Row([Table.Item(row.title), Table.Item(row.label ?? ""),
                       Table.Item(calendar.shortDayWithYear(calendar.localDay(of: row.start))), Table.Item(calendar.time(row.start)),
                       Table.Item("\(row.durationMinutes) min"),
                       Table.Item(row.note ?? "", role: row.note == nil ? nil : .warning)])
        }
        let titleWidth = max(7, rows.map { TextWidth.width(of: $0.title) }.max() ?? 0)
        let noteWidth = rows.contains { $0.note != nil } ? 11 : 0
        let columns = [Table.Column("Session", width: .fixed(titleWidth)), Table.Column("", width: .flexible(3)),
                       Table.Column("Date", width: .fixed(15)), Table.Column("Time", width: .fixed(5)),
                       Table.Column("Length", width: .fixed(7)), Table.Column("", width: .fixed(noteWidth))]
        let reserved = 6
        table(Table(columns: columns, rows: tableRows), &buffer, maxRows: max(3, min(rows.count + 1, rowsLeft - reserved)))
        for detail in rows.compactMap(\.detail) + rows.flatMap(\.warnings) { paragraph("⚠ " + detail, &buffer, role: .warning, indent: 1) }
        blank()
        line(ServiceDescription(service: service).priceLine, &buffer)
        if service.isMultiSession {
            switch service.strategy {
            case .sequential:
                if let number = rows.first?.number { paragraph(sequentialNote(service, number: number, start: rows.first?.start), &buffer, role: .dim) }
            case .flexible:
                let left = flow.remainingInPackage - rows.count
                line("After this booking \(left) \(service.definition.sessionNoun.lowercased())\(left == 1 ? "" : "s") of \(service.totalSessions) remain to be scheduled.", &buffer, role: .dim)
            case .immediate:
                break
            }
        }
        line("A confirmation listing every date is queued for the customer.", &buffer, role: .dim)
        if let notice = flow.planChangedNotice {
            blank()
            paragraph(notice, &buffer, role: .warning)
        } else if !flow.rebookMoves.isEmpty, let first = rows.first {
            let moved = flow.rebookMoves.count
            paragraph("Enter books \(first.title.lowercased()) and moves \(moved == 1 ? "the later session" : "the \(moved) later sessions") in one go; nothing changes until then.",
                      &buffer, role: .accent)
        } else {
            let count = rows.count
            line("Enter books \(count == 1 ? "it" : "all \(count)") in one go; nothing is booked until then.", &buffer, role: .accent)
        }
    }
}
