import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskStore

struct CompleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "complete", abstract: "Mark a session completed.",
        discussion: """
        Examples:
          frontdesk complete 63
          frontdesk complete 54 --early
        """)
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The booking number.") var id: Int64
    @Flag(help: "The session took place early: complete it although it starts more than an hour from now.") var early = false
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let db = try database.open()
        let outcome = try store { () throws(StoreError) in try db.complete(bookingID: id, early: early) }
        let calendar = db.calendar
        if json {
            Output.json(CompletionJSON(
                booking: BookingJSON(outcome.booking, calendar: calendar), treatmentCompleted: outcome.treatmentCompleted,
                group: outcome.group.map { TreatmentJSON($0, calendar: calendar, now: db.now) },
                nextWindow: outcome.nextWindow.map {
                    CompletionJSON.Window(earliest: calendar.iso8601($0.earliest), recommended: calendar.iso8601($0.recommended),
                                          latest: $0.latest.map { calendar.iso8601($0) })
                },
                suggestedNext: outcome.suggestedNext.map { calendar.iso8601($0) }))
            return
        }
        let b = outcome.booking
        Output.line("\(Output.sessionTitle(b, noun: outcome.group?.sessionNoun ?? "Session")) completed: \(b.customerName), \(b.serviceName).")
        if let group = outcome.group {
            let progress = group.progress(now: db.now)
            if outcome.treatmentCompleted {
                Output.line("Treatment complete: all \(group.totalSessions) sessions done. Congratulations to \(group.customerName)!")
            } else {
                Output.line("Progress: \(progress.completed) of \(group.totalSessions) completed, \(progress.remaining) not yet booked.")
            }
            if let window = outcome.nextWindow {
                let latest = window.latest.map { " and \(calendar.shortDay($0))" } ?? ""
                Output.line("Book session \(b.sessionNumber + 1) between \(calendar.shortDay(window.earliest))\(latest), ideally \(calendar.shortDay(window.recommended)).")
                if let next = outcome.suggestedNext {
                    Output.line("Suggested: \(calendar.dayTime(next)) — frontdesk book --group \(group.id) --start \"\(LocalDayFormat.isoMinute(next, calendar: calendar))\"")
                }
            }
        }
    }
}

struct CancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a session (its number can be booked again).",
        discussion: """
        Examples:
          frontdesk cancel 26
        """)
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The booking number.") var id: Int64
    @Flag(help: "Confirm a cancellation less than 48 hours before the session.") var confirmLate = false
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let db = try database.open()
        let b = try store { () throws(StoreError) in try db.cancel(bookingID: id, confirmedShortNotice: confirmLate) }
        if json { Output.json(BookingJSON(b, calendar: db.calendar)); return }
        Output.line("Cancelled: " + Output.bookingLine(b, calendar: db.calendar, noun: try SessionNouns(db)[b]))
    }
}

struct NoShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "no-show", abstract: "Record that the customer did not come.",
        discussion: """
        Examples:
          frontdesk no-show 31
        """)
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The booking number.") var id: Int64
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let db = try database.open()
        let b = try store { () throws(StoreError) in try db.markNoShow(bookingID: id) }
        if json { Output.json(BookingJSON(b, calendar: db.calendar)); return }
        Output.line("No-show: " + Output.bookingLine(b, calendar: db.calendar, noun: try SessionNouns(db)[b]))
    }
}

struct RescheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reschedule", abstract: "Move a session, re-checking gaps and availability.",
        discussion: """
        Relative dates count from the session being moved, at its time: --start +2w is two weeks after it, \
        --start=-3d three days before it ("--start -3d" works too). Other forms ("fri 4pm", "2026-03-20 14:00") \
        mean what they say.

        Examples:
          frontdesk reschedule 49 --start +2d
          frontdesk reschedule 138 --start "wed 4pm"
        """)
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The booking number.") var id: Int64
    @Option(parsing: .unconditional, help: "The new date and time; +2w / -3d count from the session's own start.") var start: String
    @Flag(help: "Immediate treatments: move every later session by the same amount.") var shiftLater = false
    @Flag(help: "With --shift-later: book the proposed plan when a later session has to go to the next open day.") var autoShift = false
    @Flag(help: "Confirm a change less than 48 hours before the session.") var confirmLate = false
    @Flag(help: "Book it even though it is beyond the maximum gap after the previous session.") var late = false
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let db = try database.open()
        let session = try store { () throws(StoreError) in try db.booking(id: id) }
        let parser = DateInputParser(calendar: db.calendar, now: db.now)
        let when: Date
        do { when = try parser.parse(start, offsetsFrom: session.start) } catch { throw CommandFailure.invalid("--start \(TextLimits.quote(start)): \(error)") }
        let moved = try store { () throws(StoreError) in
            try db.reschedule(bookingID: id, to: when, shiftLater: shiftLater, confirmedShortNotice: confirmLate,
                              confirmedLate: late, acceptProposal: autoShift)
        }
        if json { Output.json(moved.map { BookingJSON($0, calendar: db.calendar) }); return }
        let nouns = try SessionNouns(db)
        for b in moved { Output.line("Moved: " + Output.bookingLine(b, calendar: db.calendar, noun: nouns[b])) }
    }
}

enum LocalDayFormat {
    /// "2026-03-10 14:00", a form the date parser reads back.
    static func isoMinute(_ date: Date, calendar: ClinicCalendar) -> String {
        let minute = calendar.minuteOfDay(of: date)
        return "\(calendar.localDay(of: date)) " + String(format: "%02d:%02d", minute / 60, minute % 60)
    }
}
