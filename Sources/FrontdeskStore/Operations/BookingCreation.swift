import Foundation
import FrontdeskCore
import GRDB

/// Booking treatments: each call is one transaction that writes every session or none.
extension AppDatabase {
    /// Books a whole immediate treatment from its first start. When a session does not fit as
    /// requested, nothing is written unless `acceptShift` takes the shifted proposal.
    ///
    /// `expectedStarts` are the session starts staff confirmed in a preview: the plan is re-made inside
    /// the transaction and, when it differs (another terminal took a slot meanwhile), nothing is written.
    public func bookImmediate(customerID: Int64, serviceID: Int64, providerID: Int64? = nil, firstStart: Date,
                              pinned: [Int: Date] = [:], acceptShift: Bool = false,
                              expectedStarts: [Date]? = nil) throws(StoreError) -> BookingResult {
        let calendar = self.calendar
        let now = self.now
        return try write { db in
            let customer = try Self.requireCustomer(db, id: customerID)
            let service = try Self.requireService(db, id: serviceID)
            try Self.requireActive(service)
            guard service.isMultiSession, service.strategy == .immediate else {
                throw StoreError.notBookable(reason: "\(service.name) is not an immediate treatment; book its sessions one by one.")
            }
            if firstStart < now { throw StoreError.inThePast(start: calendar.dayTime(firstStart)) }
            let providers = try Self.candidates(db, service: service, providerID: providerID)
            guard let proposal = try Self.bestImmediateProposal(db, service: service, candidates: providers, firstStart: firstStart,
                                                                pinned: pinned, calendar: calendar, now: now) else {
                throw StoreError.notBookable(reason: "no provider can take this plan.")
            }
            if let expectedStarts, proposal.plan.sessions.map(\.start) != expectedStarts {
                throw StoreError.planChanged(proposal.conflictLines(calendar: calendar))
            }
            guard proposal.plan.isComplete else { throw StoreError.conflicts(proposal.conflictLines(calendar: calendar)) }
            if !proposal.plan.fitsAsRequested && !acceptShift {
                throw StoreError.conflicts(proposal.conflictLines(calendar: calendar)
                    + ["To book the proposed times instead, confirm the shift (--auto-shift)."])
            }
            let groupID = UUID().uuidString.lowercased()
            try Self.insertGroup(db, id: groupID, customerID: customer.id, service: service, providerID: proposal.provider.id,
                                 now: now, expiresAt: nil)
            var ids: [Int64] = []
            for session in proposal.plan.sessions {
                ids.append(try Self.insertBooking(db, customerID: customer.id, service: service, providerID: proposal.provider.id,
                                                  start: session.start, number: session.number, groupID: groupID,
                                                  actor: self.actor, now: now))
            }
            try Self.refreshGroup(db, id: groupID, now: now)
            let group = try Self.group(db, id: groupID)!
            let booked = group.sessions.filter { ids.contains($0.id) }
            try self.queueConfirmation(db, group: group, booked: booked)
            try self.audit(db, action: "book", entity: "session_group", id: groupID, after: "\(ids.count) sessions")
            return BookingResult(bookings: booked, group: group, shifted: !proposal.plan.fitsAsRequested)
        }
    }

    /// Books sessions at the given starts:
    /// - a single-session service: one booking per start;
    /// - sequential: session 1 of a new treatment, or with `groupID` the next one (only after the previous is completed);
    /// - flexible: `starts.count` sessions of a new package, or with `groupID` continuing its numbering;
    /// - immediate with `groupID`: re-books session numbers freed by cancellations.
    public func bookSessions(customerID: Int64, serviceID: Int64, providerID: Int64? = nil, starts: [Date],
                             groupID: String? = nil) throws(StoreError) -> BookingResult {
        guard !starts.isEmpty else { throw .invalid(field: "Start", reason: "give at least one date and time.") }
        let calendar = self.calendar
        let now = self.now
        return try write { db in
            var service = try Self.requireService(db, id: serviceID)
            var customerID = customerID
            var existing: SessionGroup?
            if let groupID {
                guard let group = try Self.group(db, id: groupID) else { throw StoreError.notFound(what: "treatment", key: groupID) }
                guard group.serviceID == service.id else {
                    throw StoreError.notBookable(reason: "treatment \(groupID) is for \(group.serviceName), not \(service.name).")
                }
                existing = group
                customerID = group.customerID
                // A treatment goes on under the rules it was booked with, whatever the service says now.
                service = try Self.service(db, asBookedIn: groupID) ?? service
            } else {
                try Self.requireActive(service)
            }
            let customer = try Self.requireCustomer(db, id: customerID)
            for start in starts where start < now { throw StoreError.inThePast(start: calendar.dayTime(start)) }
            let sortedStarts = starts.sorted()
            let numbers = try Self.sessionNumbers(for: service, group: existing, starts: sortedStarts, now: now, calendar: calendar)
            try Self.checkGaps(service: service, group: existing, starts: sortedStarts, numbers: numbers, calendar: calendar)

            let preferred = try Int64?.fetchOne(db, sql: "SELECT provider_id FROM session_groups WHERE session_group_id = ?",
                                                arguments: [groupID]) ?? nil
            var providers = try Self.candidates(db, service: service, providerID: providerID)
            if providerID == nil, let preferred, let index = providers.firstIndex(where: { $0.id == preferred }) {
                providers.insert(providers.remove(at: index), at: 0)
            }
            let placement = try Self.place(db, service: service, starts: sortedStarts, numbers: numbers,
                                           providers: providers, calendar: calendar)

            let newGroupID: String?
            if let existing {
                newGroupID = existing.id
            } else if service.isMultiSession {
                let id = UUID().uuidString.lowercased()
                let expires = service.strategy == .flexible
                    ? service.definition.expiryDays.map { calendar.adding(days: $0, to: now) } : nil
                try Self.insertGroup(db, id: id, customerID: customer.id, service: service, providerID: placement.first?.providerID,
                                     now: now, expiresAt: expires)
                newGroupID = id
            } else {
                newGroupID = nil
            }
            var ids: [Int64] = []
            for (index, start) in sortedStarts.enumerated() {
                ids.append(try Self.insertBooking(db, customerID: customer.id, service: service, providerID: placement[index].providerID,
                                                  start: start, number: numbers[index], groupID: newGroupID,
                                                  actor: self.actor, now: now))
            }
            var group: SessionGroup?
            var booked: [Booking]
            if let newGroupID {
                try Self.refreshGroup(db, id: newGroupID, now: now)
                group = try Self.group(db, id: newGroupID)
                booked = group!.sessions.filter { ids.contains($0.id) }
            } else {
                booked = try ids.compactMap { try Self.booking(db, id: $0) }
            }
            try self.queueConfirmation(db, group: group, booked: booked)
            try self.audit(db, action: "book", entity: newGroupID == nil ? "booking" : "session_group",
                           id: newGroupID ?? ids.map(String.init).joined(separator: ","), after: "\(ids.count) sessions")
            return BookingResult(bookings: booked, group: group, shifted: false)
        }
    }

    /// Which session numbers the new starts get, enforcing each strategy's rules.
    static func sessionNumbers(for service: Service, group: SessionGroup?, starts: [Date], now: Date,
                               calendar: ClinicCalendar) throws -> [Int] {
        guard service.isMultiSession else {
            guard starts.count == 1 || group == nil else { throw StoreError.notBookable(reason: "a single-session service has no treatment to continue.") }
            return Array(repeating: 1, count: starts.count)
        }
        if let group {
            switch group.state(now: now) {
            case .cancelled, .completed, .ended: throw StoreError.groupClosed(state: group.state(now: now).label)
            case .active, .toBook, .expired:
                // Sessions booked before the expiry keep a package open, but it takes nothing new.
                if let expires = group.expiresAt, expires <= now {
                    throw StoreError.packageExpired(expiredOn: calendar.dayTime(expires))
                }
            }
        }
        let held = Set((group?.sessions ?? []).filter { $0.status.holdsNumber }.map(\.sessionNumber))
        let free = (1...service.totalSessions).filter { !held.contains($0) }
        switch service.strategy {
        case .sequential:
            guard starts.count == 1 else {
                throw StoreError.notBookable(reason: "sequential treatments book one session at a time; give one start.")
            }
            guard let next = free.first else { throw StoreError.packageFull(remaining: 0, requested: 1) }
            if let group, next > 1 {
                let previous = group.sessions.first { $0.sessionNumber == next - 1 && $0.status.holdsNumber }
                guard previous?.status == .completed else {
                    throw StoreError.previousNotCompleted(group: group.id, session: next - 1)
                }
            }
            return [next]
        case .flexible, .immediate:
            if service.strategy == .immediate && group == nil {
                throw StoreError.notBookable(reason: "\(service.name) books all its sessions at once; use the immediate plan.")
            }
            guard starts.count <= free.count else { throw StoreError.packageFull(remaining: free.count, requested: starts.count) }
            return Array(free.prefix(starts.count))
        }
    }

    /// Refuses new sessions closer to their neighbours than the service's minimum gap.
    static func checkGaps(service: Service, group: SessionGroup?, starts: [Date], numbers: [Int], calendar: ClinicCalendar) throws {
        guard service.isMultiSession else { return }
        var timeline = (group?.sessions ?? []).filter { $0.status.holdsNumber }.map { (start: $0.start, number: $0.sessionNumber, isNew: false) }
        timeline += zip(starts, numbers).map { (start: $0.0, number: $0.1, isNew: true) }
        timeline.sort { $0.start < $1.start }
        for (previous, next) in zip(timeline, timeline.dropFirst()) where previous.isNew || next.isNew {
            let gap = service.bufferRules.gap(afterSession: min(max(previous.number, 1), max(service.totalSessions - 1, 1)))
            if case let conflict? = SchedulePlanner.checkGap(previous: previous.start, next: next.start, gap: gap, calendar: calendar),
               case .gapTooShort = conflict {
                throw StoreError.notBookable(reason: "\(calendar.dayTime(next.start)) is too soon after \(calendar.dayTime(previous.start)): \(conflict.message(provider: "", calendar: calendar)) The earliest allowed day is \(calendar.dayTime(calendar.adding(gap.minimum, to: previous.start))).")
            }
        }
    }

    /// Finds, for each start, a provider who is free then; refuses with every conflict otherwise.
    static func place(_ db: Database, service: Service, starts: [Date], numbers: [Int], providers: [Provider],
                      calendar: ClinicCalendar) throws -> [(providerID: Int64, start: Date)] {
        guard let first = starts.first, let last = starts.last else { return [] }
        var schedules: [Int64: ProviderSchedule] = [:]
        for provider in providers {
            schedules[provider.id] = try schedule(db, provider: provider, from: first, to: last.addingTimeInterval(86_400))
        }
        var placed: [(providerID: Int64, start: Date)] = []
        var problems: [String] = []
        for (start, number) in zip(starts, numbers) {
            let minutes = service.definition.durationMinutes(forSession: number)
            var reasons: [String] = []
            var chosen: Int64?
            for provider in providers {
                var schedule = schedules[provider.id]!
                if let conflict = schedule.conflict(start: start, durationMinutes: minutes, calendar: calendar) {
                    reasons.append(conflict.message(provider: provider.name, calendar: calendar))
                    continue
                }
                schedule = schedule.adding(busy: DateInterval(start: start, duration: TimeInterval(minutes * 60)))
                schedules[provider.id] = schedule
                chosen = provider.id
                break
            }
            if let chosen {
                placed.append((chosen, start))
            } else if providers.count == 1, starts.count == 1,
                      case let .overlapsBooking(interval)? = schedules[providers[0].id]!.conflict(start: start, durationMinutes: minutes, calendar: calendar) {
                throw StoreError.slotTaken(provider: providers[0].name, start: calendar.dayTime(interval.start),
                                           end: calendar.time(interval.end), holder: nil)
            } else {
                let suggestion = providers.lazy.compactMap { provider in
                    schedules[provider.id]!.earliestFit(notBefore: start, durationMinutes: minutes, notAfter: nil, calendar: calendar)
                        .map { "\(provider.name) at \(calendar.dayTime($0))" }
                }.first
                problems.append("\(calendar.dayTime(start)): " + reasons.joined(separator: "; ")
                                + (suggestion.map { " — next free: \($0)" } ?? ""))
            }
        }
        guard problems.isEmpty else { throw StoreError.conflicts(problems) }
        return placed
    }

    static func requireCustomer(_ db: Database, id: Int64) throws -> Customer {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM customers WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound(what: "customer", key: "\(id)")
        }
        return RowDecoding.customer(row)
    }

    /// New treatments only for active services; a deactivated one lets its treatments go on.
    static func requireActive(_ service: Service) throws {
        guard service.isActive else {
            throw StoreError.notBookable(reason: "\(service.name) is deactivated and takes no new treatments. A manager can activate it again (`frontdesk service activate`).")
        }
    }

    static func requireService(_ db: Database, id: Int64) throws -> Service {
        guard let service = try service(db, id: id) else { throw StoreError.notFound(what: "service", key: "\(id)") }
        return service
    }
}
