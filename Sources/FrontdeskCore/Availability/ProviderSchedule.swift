import Foundation

/// When one provider can take a session: weekly hours, closed days, days off (absences and clinic
/// closed days, each with its reason), and the times already booked.
///
/// Busy intervals are kept sorted by start with a running maximum of their ends, so that an overlap
/// test is two binary searches however many bookings the provider has.
public struct ProviderSchedule: Sendable, Equatable {
    /// How conflicts name the provider to staff: "Dr. Keller".
    public var name: String
    public var hours: WorkingHours
    public var closedDays: Set<LocalDay>
    /// Absences and clinic closed days by the day they cover: refused with their reason.
    public private(set) var daysOff: [LocalDay: DayOff]
    /// Times the provider is taken, sorted by start. Touching intervals do not overlap.
    public private(set) var busy: [DateInterval]
    /// maxEnd[i] = the latest end among busy[0...i], as seconds since the reference date.
    private var maxEnd: [Double]

    public init(name: String = "The provider", hours: WorkingHours = .weekdaysEightToSix,
                closedDays: Set<LocalDay> = [], daysOff: [DayOff] = [], busy: [DateInterval] = []) {
        self.name = name
        self.hours = hours
        self.closedDays = closedDays
        self.daysOff = [:]
        self.busy = busy.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        self.maxEnd = []
        rebuildMaxEnd(from: 0)
        for off in daysOff { addDayOff(off) }
    }

    /// The same schedule with one more busy interval, e.g. a session placed earlier in the same plan.
    public func adding(busy interval: DateInterval) -> ProviderSchedule {
        var copy = self
        copy.insert(interval)
        return copy
    }

    /// The same schedule with more busy intervals.
    public func adding(busy intervals: [DateInterval]) -> ProviderSchedule {
        var copy = self
        for interval in intervals { copy.insert(interval) }
        return copy
    }

    /// Adds an absence or a clinic closed day. Where two cover the same day, the clinic's closure wins
    /// (it is the reason that applies to everyone).
    public mutating func addDayOff(_ off: DayOff) {
        for day in off.days where daysOff[day]?.kind != .clinicClosed { daysOff[day] = off }
    }

    /// Adds a busy interval in place (no copy of the others, for planning loops).
    public mutating func addBusy(_ interval: DateInterval) { insert(interval) }

    /// A busy interval overlapping [start, end), or nil when that time is free.
    public func overlappingBusy(start: Date, end: Date) -> DateInterval? {
        guard let j = firstOverlapIndex(start: start.timeIntervalSinceReferenceDate,
                                        end: end.timeIntervalSinceReferenceDate) else { return nil }
        return busy[j]
    }

    /// Why a session of `durationMinutes` starting at `start` cannot take place, or nil when it fits:
    /// an open day, inside one working-hours range, overlapping no busy interval.
    public func conflict(start: Date, durationMinutes: Int, calendar: ClinicCalendar) -> SlotConflict? {
        let (day, minute) = calendar.fastLocal(start)
        if let off = daysOff[day] { return .dayOff(off) }
        if closedDays.contains(day) { return .closedDay(day) }
        let weekday = day.weekday
        // A start with stray seconds ends a little later than its minute suggests.
        let extra = start.timeIntervalSince1970.truncatingRemainder(dividingBy: 60) != 0 ? 1 : 0
        let ranges = hours.ranges(on: weekday)
        if !ranges.contains(where: { $0.contains(startMinute: minute, durationMinutes: durationMinutes + extra) }) {
            return .outsideWorkingHours(weekday, hours.rangesDescription(on: weekday))
        }
        let end = start.addingTimeInterval(Double(durationMinutes) * 60)
        if let interval = overlappingBusy(start: start, end: end) { return .overlapsBooking(interval) }
        return nil
    }

    /// The earliest start at or after `notBefore` where the session fits: `notBefore` itself, else
    /// the first free time on the granularity grid (counted from each working-hours range's start).
    /// Nil when nothing fits by `notAfter` or within 366 days.
    public func earliestFit(notBefore: Date, durationMinutes: Int, notAfter: Date?,
                            calendar: ClinicCalendar, granularityMinutes: Int = 15) -> Date? {
        if let notAfter, notBefore > notAfter { return nil }
        if conflict(start: notBefore, durationMinutes: durationMinutes, calendar: calendar) == nil {
            return notBefore
        }
        let grid = max(1, granularityMinutes)
        let (firstDay, minuteNotBefore) = calendar.fastLocal(notBefore)
        var lastDay = firstDay.adding(days: 366)
        if let notAfter { lastDay = min(lastDay, calendar.fastLocal(notAfter).day) }
        let seconds = Double(durationMinutes) * 60
        var firstMinute = minuteNotBefore
        if notBefore.timeIntervalSince1970.truncatingRemainder(dividingBy: 60) != 0 { firstMinute += 1 }

        for ordinal in firstDay.ordinal...lastDay.ordinal {
            let day = LocalDay(ordinal: ordinal)
            if closedDays.contains(day) || daysOff[day] != nil { continue }
            for range in hours.ranges(on: day.weekday) {
                var minute = range.startMinute
                if ordinal == firstDay.ordinal, firstMinute > minute {
                    minute += roundUp(firstMinute - minute, to: grid)
                }
                while minute + durationMinutes <= range.endMinute {
                    guard let candidate = calendar.fastDate(day, minuteOfDay: minute) else {
                        minute += grid // inside a daylight-saving gap
                        continue
                    }
                    if let notAfter, candidate > notAfter { return nil }
                    if candidate < notBefore { // the first pass through a repeated (fall-back) hour
                        minute += grid
                        continue
                    }
                    let start = candidate.timeIntervalSinceReferenceDate
                    guard firstOverlapIndex(start: start, end: start + seconds) != nil else { return candidate }
                    // Every start before the latest end among the overlapping bookings still overlaps one.
                    let blockedUntil = maxEnd[lastStartingBefore(start + seconds)]
                    let waitMinutes = Int(((blockedUntil - start) / 60).rounded(.up))
                    minute += roundUp(max(waitMinutes, 1), to: grid)
                }
            }
        }
        return nil
    }

    // MARK: - Sorted busy intervals

    private mutating func insert(_ interval: DateInterval) {
        var low = 0, high = busy.count
        while low < high {
            let mid = (low + high) / 2
            if (busy[mid].start, busy[mid].end) <= (interval.start, interval.end) { low = mid + 1 } else { high = mid }
        }
        busy.insert(interval, at: low)
        let end = interval.end.timeIntervalSinceReferenceDate
        maxEnd.insert(max(low > 0 ? maxEnd[low - 1] : -Double.infinity, end), at: low)
        // Later running maxima only change until one already reaches this end (they never decrease).
        var i = low + 1
        while i < maxEnd.count, maxEnd[i] < end {
            maxEnd[i] = end
            i += 1
        }
    }

    private mutating func rebuildMaxEnd(from index: Int) {
        if maxEnd.count != busy.count { maxEnd = Array(repeating: 0, count: busy.count) }
        var running = index > 0 ? maxEnd[index - 1] : -Double.infinity
        for i in index..<busy.count {
            running = max(running, busy[i].end.timeIntervalSinceReferenceDate)
            maxEnd[i] = running
        }
    }

    /// Index of the last busy interval starting before `end` (-1 when none).
    private func lastStartingBefore(_ end: Double) -> Int {
        var low = 0, high = busy.count
        while low < high {
            let mid = (low + high) / 2
            if busy[mid].start.timeIntervalSinceReferenceDate < end { low = mid + 1 } else { high = mid }
        }
        return low - 1
    }

    /// The first (by start) busy interval overlapping [start, end), if any.
    private func firstOverlapIndex(start: Double, end: Double) -> Int? {
        let last = lastStartingBefore(end)
        guard last >= 0, maxEnd[last] > start else { return nil }
        // maxEnd is non-decreasing: the first index whose running end passes `start` overlaps.
        var low = 0, high = last
        while low < high {
            let mid = (low + high) / 2
            if maxEnd[mid] > start { high = mid } else { low = mid + 1 }
        }
        return low
    }

    private func roundUp(_ minutes: Int, to grid: Int) -> Int { (minutes + grid - 1) / grid * grid }
}
