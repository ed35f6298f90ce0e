import Foundation

/// Booking a missed (no-show or cancelled) session of an immediate treatment again (issue 12 item 1):
/// the later sessions were laid out from the missed one, so moving it may break their gaps. The
/// desk is offered to move them along by the same amount, which keeps every gap as planned.
public enum MissedSessionRebooking {
    /// A later session and where it would go.
    public struct Move: Sendable, Equatable {
        public var bookingID: Int64
        public var number: Int
        public var from: Date
        public var to: Date

        public init(bookingID: Int64, number: Int, from: Date, to: Date) {
            self.bookingID = bookingID
            self.number = number
            self.from = from
            self.to = to
        }
    }

    /// The session number to book again: the lowest number whose booking was missed or cancelled
    /// and has no confirmed or completed booking since; nil when none is.
    public static func number(in progress: GroupProgress) -> Int? {
        progress.missedNumbers.first
    }

    /// Every later confirmed session (number above `number`) moved by as many calendar days and
    /// minutes of the day as the missed session moves from `missedStart` to `newStart`: 14:00 stays
    /// 14:00 across a daylight-saving change, and the gaps between the sessions stay as they were.
    public static func laterMoves(number: Int, missedStart: Date, newStart: Date, sessions: [SessionRef],
                                  calendar: ClinicCalendar) -> [Move] {
        let dayDelta = calendar.daysBetween(missedStart, newStart)
        let minuteDelta = calendar.minuteOfDay(of: newStart) - calendar.minuteOfDay(of: missedStart)
        return sessions.filter { $0.number > number && $0.status == .confirmed }
            .sorted { $0.number < $1.number }
            .map { later in
                let day = calendar.localDay(of: later.start).adding(days: dayDelta)
                let minute = min(max(calendar.minuteOfDay(of: later.start) + minuteDelta, 0), 24 * 60 - 1)
                return Move(bookingID: later.bookingID, number: later.number, from: later.start,
                            to: calendar.resolvedDate(day, minuteOfDay: minute))
            }
    }

    /// One session as the rule needs it.
    public struct SessionRef: Sendable, Equatable {
        public var bookingID: Int64
        public var number: Int
        public var status: BookingStatus
        public var start: Date

        public init(bookingID: Int64, number: Int, status: BookingStatus, start: Date) {
            self.bookingID = bookingID
            self.number = number
            self.status = status
            self.start = start
        }
    }
}
