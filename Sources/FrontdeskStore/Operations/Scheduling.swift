import Foundation
import FrontdeskCore
import GRDB

/// Reading a provider's availability and planning against it, inside whatever transaction asks.
extension AppDatabase {
    /// The longest a booking may last (the schema's CHECK), which bounds every overlap search.
    static let maximumBookingSeconds: Int64 = 43_200

    /// Live bookings of a provider that touch [from, to), as busy intervals.
    static func busyIntervals(_ db: Database, providerID: Int64, from: Date, to: Date, excluding: Set<Int64> = []) throws -> [DateInterval] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, start_at, end_at FROM bookings
            WHERE provider_id = ? AND start_at > ? AND start_at < ? AND end_at > ? AND status != 'cancelled'
            ORDER BY start_at
            """, arguments: [providerID, from.storedSeconds - maximumBookingSeconds, to.storedSeconds, from.storedSeconds])
        return rows.compactMap { row in
            let id: Int64 = row["id"]
            guard !excluding.contains(id) else { return nil }
            return DateInterval(start: Date(storedSeconds: row["start_at"]), end: Date(storedSeconds: row["end_at"]))
        }
    }

    /// A provider's schedule for planning between two instants (padded for shifting later).
    static func schedule(_ db: Database, provider: Provider, from: Date, to: Date, excluding: Set<Int64> = []) throws -> ProviderSchedule {
        ProviderSchedule(name: provider.name, hours: provider.hours,
                         // Days off are few: read them a year past `to`, as far as a relocation may search.
                         daysOff: try daysOff(db, provider: provider, from: from, to: to.addingTimeInterval(400 * 86_400)),
                         busy: try busyIntervals(db, providerID: provider.id, from: from, to: to, excluding: excluding))
    }

    /// How far ahead an immediate plan may have to look: the whole plan at its maximum, plus room to
    /// shift. (Beyond it the planner would see a free calendar; the overlap trigger still refuses a clash.)
    static func planningHorizon(for service: Service, from start: Date, calendar: ClinicCalendar) -> Date {
        var end = start
        for gap in service.gaps { end = calendar.adding(gap.maximum ?? gap.planned, to: end) }
        return end.addingTimeInterval(120 * 86_400)
    }

    /// Plans an immediate treatment for one provider.
    static func planImmediate(_ db: Database, service: Service, provider: Provider, firstStart: Date,
                              pinned: [Int: Date], calendar: ClinicCalendar, now: Date,
                              horizonDays: Int = PlacementRule.defaultHorizonDays) throws -> SchedulePlan {
        // Past the booking horizon the rule refuses every session anyway: read nothing beyond it.
        let lastDay = calendar.startOfDay(calendar.localDay(of: now).adding(days: horizonDays + 1))
        let from = min(firstStart, pinned.values.min() ?? firstStart, lastDay)
        let horizon = min(max(planningHorizon(for: service, from: firstStart, calendar: calendar), from), lastDay.addingTimeInterval(120 * 86_400))
        let schedule = try schedule(db, provider: provider, from: from, to: max(horizon, from))
        return SchedulePlanner.immediate(service: service.definition, gaps: service.gaps, firstStart: firstStart,
                                         schedule: schedule, calendar: calendar, pinned: pinned, now: now,
                                         horizonDays: horizonDays)
    }

    /// Picks the provider for an immediate plan: the requested one, else the first who fits the
    /// plan as requested, else the one whose complete plan ends earliest.
    static func bestImmediateProposal(_ db: Database, service: Service, candidates: [Provider], firstStart: Date,
                                      pinned: [Int: Date], calendar: ClinicCalendar, now: Date,
                                      horizonDays: Int) throws -> ImmediateProposal? {
        var best: ImmediateProposal?
        for provider in candidates {
            let plan = try planImmediate(db, service: service, provider: provider, firstStart: firstStart,
                                         pinned: pinned, calendar: calendar, now: now, horizonDays: horizonDays)
            let proposal = ImmediateProposal(plan: plan, provider: provider, service: service)
            if plan.fitsAsRequested && plan.isComplete { return proposal }
            guard plan.isComplete else {
                if best == nil { best = proposal }
                continue
            }
            if let current = best, current.plan.isComplete,
               let currentEnd = current.plan.sessions.last?.end, let end = plan.sessions.last?.end, currentEnd <= end {
                continue
            }
            best = proposal
        }
        return best
    }

    /// The providers to consider: the one asked for (who must deliver the service), else all who do.
    static func candidates(_ db: Database, service: Service, providerID: Int64?) throws -> [Provider] {
        let all = try Row.fetchAll(db, sql: "SELECT * FROM providers WHERE active = 1 ORDER BY id").map(RowDecoding.provider)
        let delivering = service.providerIDs.isEmpty ? all : all.filter { service.providerIDs.contains($0.id) }
        if let providerID {
            guard let chosen = all.first(where: { $0.id == providerID }) else {
                throw StoreError.notFound(.provider, key: "\(providerID)")
            }
            guard delivering.contains(where: { $0.id == providerID }) else {
                throw StoreError.refused(.notBookable(.providerDoesNotDeliver(provider: chosen.name, service: service.name,
                                                                               delivering: delivering.map(\.name))))
            }
            return [chosen]
        }
        guard !delivering.isEmpty else {
            throw StoreError.refused(.notBookable(.noProviderDelivers(service: service.name)))
        }
        return delivering
    }

    /// Plans an immediate treatment without booking it: the preview staff confirm.
    public func proposeImmediate(serviceID: Int64, providerID: Int64?, firstStart: Date,
                                 pinned: [Int: Date] = [:]) throws(StoreError) -> ImmediateProposal {
        let calendar = self.calendar
        let now = self.now
        let proposal = try read { db -> ImmediateProposal? in
            guard let service = try Self.service(db, id: serviceID) else { throw StoreError.notFound(.service, key: "\(serviceID)") }
            let providers = try Self.candidates(db, service: service, providerID: providerID)
            return try Self.bestImmediateProposal(db, service: service, candidates: providers, firstStart: firstStart,
                                                  pinned: pinned, calendar: calendar, now: now, horizonDays: self.bookingHorizonDays)
        }
        guard let proposal else { throw .refused(.notBookable(.noProviderCanTakePlan)) }
        return proposal
    }

    /// The free slots a weekly pattern ("Mon Wed 17:00, Sat 10:00") offers for a flexible package.
    public func proposeFlexibleSlots(serviceID: Int64, providerID: Int64?, pattern: WeeklyPattern, count: Int,
                                     from: Date, groupID: String? = nil) throws(StoreError) -> (provider: Provider, starts: [Date]) {
        let calendar = self.calendar
        return try read { db in
            guard var service = try Self.service(db, id: serviceID) else { throw StoreError.notFound(.service, key: "\(serviceID)") }
            if let groupID, let asBooked = try Self.service(db, asBookedIn: groupID) { service = asBooked }
            var last: Date?
            if let groupID {
                last = try Date?.fetchStoredSeconds(db, sql: "SELECT MAX(start_at) FROM bookings WHERE session_group_id = ? AND status != 'cancelled'", arguments: [groupID])
            }
            let minimum = service.totalSessions > 1 ? service.bufferRules.gap(afterSession: 1).minimum : .zero
            let providers = try Self.candidates(db, service: service, providerID: providerID)
            var fallback: (provider: Provider, starts: [Date]) = (providers[0], [])
            for provider in providers {
                let schedule = try Self.schedule(db, provider: provider, from: from, to: from.addingTimeInterval(400 * 86_400))
                let starts = SchedulePlanner.flexibleSlots(pattern: pattern, count: count, from: from, after: last,
                                                           minimumGap: minimum, schedule: schedule,
                                                           durationMinutes: service.definition.defaultDurationMinutes, calendar: calendar)
                if starts.count == count { return (provider, starts) }
                if starts.count > fallback.starts.count { fallback = (provider, starts) }
            }
            return fallback
        }
    }
}

extension Optional where Wrapped == Date {
    static func fetchStoredSeconds(_ db: Database, sql: String, arguments: StatementArguments) throws -> Date? {
        try Int64?.fetchOne(db, sql: sql, arguments: arguments).flatMap { $0 }.map(Date.init(storedSeconds:))
    }
}
