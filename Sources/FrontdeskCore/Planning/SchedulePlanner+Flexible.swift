import Foundation

extension SchedulePlanner {
    /// The next `count` free times from a weekly pattern ("Mon Wed 17:00, Sat 10:00"), in order, at or
    /// after `from`, each at least `minimumGap` (calendar days) after the one before it, the first
    /// after `lastSession` too. Fewer when the provider has too little free within a year.
    public static func flexibleSlots(pattern: WeeklyPattern, count: Int, from: Date, after lastSession: Date?,
                                     minimumGap: GapLength, schedule: ProviderSchedule, durationMinutes: Int,
                                     calendar: ClinicCalendar) -> [Date] {
        guard count > 0, !pattern.slots.isEmpty else { return [] }
        var working = schedule
        var result: [Date] = []
        var previous = lastSession
        let firstDay = calendar.localDay(of: from)
        for ordinal in firstDay.ordinal...(firstDay.ordinal + 366) {
            let day = LocalDay(ordinal: ordinal)
            for minute in pattern.minutes(on: day.weekday) {
                guard let start = calendar.fastDate(day, minuteOfDay: minute), start >= from else { continue }
                if let previous {
                    guard start > previous,
                          day >= calendar.localDay(of: previous).adding(minimumGap) else { continue }
                }
                guard working.conflict(start: start, durationMinutes: durationMinutes, calendar: calendar) == nil
                else { continue }
                result.append(start)
                if result.count == count { return result }
                working.addBusy(DateInterval(start: start, duration: Double(durationMinutes) * 60))
                previous = start
            }
        }
        return result
    }

    /// `count` free times for "N per week", spread evenly over the week (2 per week: Mon and Thu;
    /// 3 per week: Mon, Wed, Fri), at `preferredMinuteOfDay` or the first free time after it that
    /// day, respecting `minimumGap` between consecutive sessions and after `lastSession`.
    public static func frequencySlots(perWeek: Int, count: Int, preferredMinuteOfDay: Int, from: Date,
                                      after lastSession: Date?, minimumGap: GapLength, schedule: ProviderSchedule,
                                      durationMinutes: Int, calendar: ClinicCalendar) -> [Date] {
        guard count > 0, perWeek > 0 else { return [] }
        var working = schedule
        var result: [Date] = []
        var previous = lastSession
        let fromDay = calendar.localDay(of: from)
        let horizon = fromDay.ordinal + 366
        var anchor: Int? // the day of the first session: the spread counts from it
        var index = 0
        var searchFrom = fromDay.ordinal

        while result.count < count {
            // Target day of the index-th session: anchor + floor(index * 7 / perWeek).
            var day = searchFrom
            if let anchor { day = max(day, anchor + index * 7 / perWeek) }
            if let previous {
                let previousDay = calendar.localDay(of: previous)
                day = max(day, previousDay.adding(minimumGap).ordinal)
                // Several a day only when the frequency asks for more than seven a week.
                if perWeek <= 7 { day = max(day, previousDay.ordinal + 1) }
            }
            var found: Date?
            while found == nil, day <= horizon {
                found = slot(on: LocalDay(ordinal: day), preferred: preferredMinuteOfDay, notBefore: max(from, previous ?? from),
                             schedule: working, duration: durationMinutes, calendar: calendar)
                if found == nil { day += 1 }
            }
            guard let start = found else { break }
            if anchor == nil { anchor = day }
            result.append(start)
            working.addBusy(DateInterval(start: start, duration: Double(durationMinutes) * 60))
            previous = start
            searchFrom = day
            index += 1
        }
        return result
    }

    /// The preferred time on `day` if free, else the first free time after it on that day.
    static func slot(on day: LocalDay, preferred minute: Int, notBefore: Date, schedule: ProviderSchedule,
                             duration: Int, calendar: ClinicCalendar) -> Date? {
        let preferred = calendar.resolvedDate(day, minuteOfDay: minute)
        let start = max(preferred, notBefore)
        guard calendar.localDay(of: start) == day else { return nil }
        return schedule.earliestFit(notBefore: start == preferred ? start : roundUp(start), durationMinutes: duration,
                                    notAfter: endOfDay(day, calendar), calendar: calendar,
                                    granularityMinutes: granularityMinutes)
    }
}
