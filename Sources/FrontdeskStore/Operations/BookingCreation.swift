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
                              expectedStarts: [Date]? = nil, confirmedLate: Bool = false) throws(StoreError) -> BookingResult {
        let calendar = self.calendar
        let now = self.now
        return try write { db in
            let customer = try Self.requireCustomer(db, id: customerID)
            let service = try Self.requireService(db, id: serviceID)
            try Self.requireActive(service)
            guard service.isMultiSession, service.strategy == .immediate else {
                throw StoreError.refused(.notBookable(.notImmediate(service: service.name)))
            }
            if firstStart < now { throw StoreError.refused(.inThePast(firstStart, calendar: calendar)) }
            let providers = try Self.candidates(db, service: service, providerID: providerID)
            guard let proposal = try Self.bestImmediateProposal(db, service: service, candidates: providers, firstStart: firstStart,
                                                                pinned: pinned, calendar: calendar, now: now,
                                                                horizonDays: self.bookingHorizonDays) else {
                throw StoreError.refused(.notBookable(.noProviderCanTakePlan))
            }
            if let expectedStarts, proposal.plan.sessions.map(\.start) != expectedStarts {
                throw StoreError.refused(.planChanged(proposal, calendar: calendar))
            }
            guard proposal.plan.isComplete else {
                // A date typed by hand, or one past the horizon, is refused by the rule where it stands;
                // a session that merely found no free slot is listed with the plan's conflicts.
                let standing = proposal.plan.sessions.filter { !$0.isPlaceable && ($0.isPinned || $0.conflict == nil) }
                let findings = proposal.plan.findings.refusals.filter { finding in standing.contains { $0.number == finding.number } }
                if !findings.isEmpty {
                    throw StoreError.refused(.placement(PlacementRefusal(provider: proposal.provider.name, findings: findings,
                                                                         calendar: calendar)))
                }
                throw StoreError.refused(.conflicts(proposal, calendar: calendar))
            }
            let warnings = proposal.plan.findings.warnings
            if !warnings.isEmpty && !confirmedLate {
                throw StoreError.refused(.lateConfirmation(PlacementRefusal(provider: proposal.provider.name, findings: warnings,
                                                                            calendar: calendar)))
            }
            if !proposal.plan.fitsAsRequested && !acceptShift {
                throw StoreError.refused(.shiftNotConfirmed(proposal, calendar: calendar))
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
            try self.reconcileFollowUps(db, subject: groupID)
            try self.audit(db, action: "book", entity: "session_group", id: groupID, after: "\(ids.count) sessions")
            return BookingResult(bookings: booked, group: group, shifted: !proposal.plan.fitsAsRequested)
        }
    }

    /// Books sessions at the given starts:
    /// - a single-session service: one booking per start;
    /// - sequential: session 1 of a new treatment, or with `groupID` the next one (only after the previous is completed);
    /// - flexible: `starts.count` sessions of a new package, or with `groupID` continuing its numbering;
    /// - immediate with `groupID`: re-books session numbers freed by cancellations.
    ///
    /// Every start goes through the placement rule; a start beyond the maximum gap after the previous
    /// session is booked only with `confirmedLate`. A new flexible package for a customer who has an
    /// active one of the same service is refused (`StoreError.secondPackage`) unless `allowSecondPackage`.
    public func bookSessions(customerID: Int64, serviceID: Int64, providerID: Int64? = nil, starts: [Date],
                             groupID: String? = nil, confirmedLate: Bool = false,
                             allowSecondPackage: Bool = false) throws(StoreError) -> BookingResult {
        guard !starts.isEmpty else { throw .invalid(.empty(.sessionStart)) }
        let calendar = self.calendar
        let now = self.now
        return try write { db in
            var service = try Self.requireService(db, id: serviceID)
            var customerID = customerID
            var existing: SessionGroup?
            if let groupID {
                guard let group = try Self.group(db, id: groupID) else { throw StoreError.notFound(.treatment, key: groupID) }
                guard group.serviceID == service.id else {
                    throw StoreError.refused(.notBookable(.treatmentOfOtherService(treatment: groupID, bookedFor: group.serviceName,
                                                                                   asked: service.name)))
                }
                existing = group
                customerID = group.customerID
                // A treatment goes on under the rules it was booked with, whatever the service says now.
                service = try Self.service(db, asBookedIn: groupID) ?? service
            } else {
                try Self.requireActive(service)
            }
            let customer = try Self.requireCustomer(db, id: customerID)
            if existing == nil, service.strategy == .flexible, service.isMultiSession, !allowSecondPackage {
                try Self.refuseSecondPackage(db, customerID: customer.id, service: service, now: now)
            }
            for start in starts where start < now { throw StoreError.refused(.inThePast(start, calendar: calendar)) }
            let sortedStarts = starts.sorted()
            let numbers = try Self.sessionNumbers(for: service, group: existing, starts: sortedStarts, now: now, calendar: calendar)
            let rule = self.placementRule(service: service, strategy: existing?.strategy ?? service.strategy)

            let preferred = try Int64?.fetchOne(db, sql: "SELECT provider_id FROM session_groups WHERE session_group_id = ?",
                                                arguments: [groupID]) ?? nil
            var providers = try Self.candidates(db, service: service, providerID: providerID)
            if providerID == nil, let preferred, let index = providers.firstIndex(where: { $0.id == preferred }) {
                providers.insert(providers.remove(at: index), at: 0)
            }
            let placement = try Self.place(db, service: service, rule: rule, starts: sortedStarts, numbers: numbers,
                                           providers: providers, others: (existing?.sessions ?? []).map(TimelineSession.init),
                                           confirmedLate: confirmedLate)

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
                if rule.strategy == .flexible { try self.renumberByDate(db, groupID: newGroupID, service: service, now: now) }
                try Self.refreshGroup(db, id: newGroupID, now: now)
                group = try Self.group(db, id: newGroupID)
                booked = group!.sessions.filter { ids.contains($0.id) }
            } else {
                booked = try ids.compactMap { try Self.booking(db, id: $0) }
            }
            try self.queueConfirmation(db, group: group, booked: booked)
            for subject in Set(booked.map(Self.followUpSubject)) { try self.reconcileFollowUps(db, subject: subject) }
            try self.audit(db, action: "book", entity: newGroupID == nil ? "booking" : "session_group",
                           id: newGroupID ?? ids.map(String.init).joined(separator: ","), after: "\(ids.count) sessions")
            return BookingResult(bookings: booked, group: group, shifted: false)
        }
    }

    /// Which session numbers the new starts get, enforcing each strategy's rules.
    static func sessionNumbers(for service: Service, group: SessionGroup?, starts: [Date], now: Date,
                               calendar: ClinicCalendar) throws -> [Int] {
        guard service.isMultiSession else {
            guard starts.count == 1 || group == nil else { throw StoreError.refused(.notBookable(.singleSessionHasNoTreatment)) }
            return Array(repeating: 1, count: starts.count)
        }
        if let group {
            switch group.state(now: now) {
            case .cancelled, .completed, .ended: throw StoreError.refused(.treatmentClosed(group.state(now: now)))
            case .active, .toBook, .expired:
                // Sessions booked before the expiry keep a package open, but it takes nothing new.
                if let expires = group.expiresAt, expires <= now {
                    throw StoreError.refused(.packageExpired(treatment: group.id, on: expires, calendar: calendar))
                }
            }
        }
        let free = SessionNumbering.freeNumbers(totalSessions: service.totalSessions,
                                                sessions: (group?.sessions ?? []).map(TimelineSession.init))
        switch service.strategy {
        case .sequential:
            guard starts.count == 1 else {
                throw StoreError.refused(.notBookable(.sequentialOneAtATime))
            }
            guard let next = free.first else { throw StoreError.refused(.packageFull(remaining: 0, requested: 1)) }
            if let group, next > 1 {
                let previous = group.sessions.first { $0.sessionNumber == next - 1 && $0.status.holdsNumber }
                guard previous?.status == .completed else {
                    throw StoreError.refused(.previousNotCompleted(treatment: group.id, session: next - 1, bookingID: previous?.id))
                }
            }
            return [next]
        case .flexible, .immediate:
            if service.strategy == .immediate && group == nil {
                throw StoreError.refused(.notBookable(.booksAllAtOnce(service: service.name)))
            }
            guard starts.count <= free.count else { throw StoreError.refused(.packageFull(remaining: free.count, requested: starts.count)) }
            return Array(free.prefix(starts.count))
        }
    }

    /// The placement rule for a treatment of this service (its gaps, the clinic's horizon and clock).
    func placementRule(service: Service, strategy: Strategy) -> PlacementRule {
        PlacementRule(strategy: strategy, gaps: service.gaps, horizonDays: bookingHorizonDays, calendar: calendar, now: now)
    }

    /// Finds, for each start, a provider who can take it, after the rule's gap checks; refuses with
    /// every finding otherwise. Only the maximum gap can be confirmed past (`confirmedLate`).
    static func place(_ db: Database, service: Service, rule: PlacementRule, starts: [Date], numbers: [Int],
                      providers: [Provider], others: [TimelineSession],
                      confirmedLate: Bool) throws -> [(providerID: Int64, start: Date)] {
        guard let first = starts.first, let last = starts.last else { return [] }
        let calendar = rule.calendar
        let placements = zip(starts, numbers).map { start, number in
            TimelineSession(number: number, start: start, durationMinutes: service.definition.durationMinutes(forSession: number))
        }
        var findings = service.isMultiSession ? rule.gapFindings(placements, others: others) : []
        var schedules: [Int64: ProviderSchedule] = [:]
        let horizonEnd = min(last, calendar.startOfDay(rule.lastBookableDay ?? calendar.localDay(of: last)))
        for provider in providers {
            schedules[provider.id] = try schedule(db, provider: provider, from: first, to: max(first, horizonEnd).addingTimeInterval(86_400))
        }
        var placed: [(providerID: Int64, start: Date)] = []
        var nextFree: Date?
        for placement in placements {
            var chosen: Int64?
            var problems: [PlacementProblem] = []
            for provider in providers {
                let found = rule.timeProblems(start: placement.start, durationMinutes: placement.durationMinutes,
                                              availability: schedules[provider.id]!)
                if found.isEmpty {
                    schedules[provider.id]!.addBusy(placement.interval)
                    chosen = provider.id
                    break
                }
                if problems.isEmpty { problems = found }
            }
            if let chosen {
                placed.append((chosen, placement.start))
                continue
            }
            if providers.count == 1, starts.count == 1, findings.isEmpty, problems.count == 1,
               case .unavailable(.overlapsBooking(let interval)) = problems[0] {
                throw StoreError.refused(.slotTaken(TakenSlot(provider: providers[0].name, start: interval.start, end: interval.end,
                                                              calendar: calendar)))
            }
            findings += problems.map { PlacementFinding(number: placement.number, start: placement.start, problem: $0) }
            if nextFree == nil, !problems.contains(where: { if case .beyondHorizon = $0 { return true } else { return false } }) {
                nextFree = providers.lazy.compactMap { provider in
                    schedules[provider.id]!.earliestFit(notBefore: max(placement.start, rule.now), durationMinutes: placement.durationMinutes,
                                                        notAfter: nil, calendar: calendar)
                }.first
            }
        }
        let provider = providers.first?.name ?? "The provider"
        if !findings.refusals.isEmpty {
            throw StoreError.refused(.placement(PlacementRefusal(provider: provider, findings: findings.refusals.sorted { $0.start < $1.start },
                                                                 nextFree: nextFree, calendar: calendar)))
        }
        if !findings.warnings.isEmpty && !confirmedLate {
            throw StoreError.refused(.lateConfirmation(PlacementRefusal(provider: provider, findings: findings.warnings, calendar: calendar)))
        }
        return placed
    }

    /// A customer's active package of this flexible service (not cancelled, completed or expired) stops a second one.
    static func refuseSecondPackage(_ db: Database, customerID: Int64, service: Service, now: Date) throws {
        guard let id = try String.fetchOne(db, sql: """
            SELECT session_group_id FROM session_groups
            WHERE customer_id = ? AND service_id = ? AND state IN ('active', 'to_book') AND (expires_at IS NULL OR expires_at > ?)
            ORDER BY created_at DESC LIMIT 1
            """, arguments: [customerID, service.id, now.storedSeconds]), let group = try group(db, id: id) else { return }
        let progress = group.progress(now: now)
        guard progress.remaining > 0 || progress.booked > 0 else { return }
        throw StoreError.refused(.secondPackage(service: service.name, treatment: id, remaining: progress.remaining, total: group.totalSessions))
    }

    /// Flexible packages follow the calendar: upcoming lessons take their numbers in date order
    /// (completed ones keep theirs). Numbers are swapped through a cancelled state so that the
    /// one-live-number index never sees two lessons with one number.
    func renumberByDate(_ db: Database, groupID: String, service: Service, now: Date) throws {
        guard let group = try Self.group(db, id: groupID) else { return }
        let changes = SessionNumbering.byDate(group.sessions.map(TimelineSession.init))
        guard !changes.isEmpty else { return }
        let ids = changes.keys.sorted()
        for id in ids {
            try db.execute(sql: "UPDATE bookings SET status = 'cancelled' WHERE id = ?", arguments: [id])
        }
        for id in ids {
            let number = changes[id]!
            let before = group.sessions.first { $0.id == id }
            let label = service.definition.label(forSession: number)
            try db.execute(sql: """
                UPDATE bookings SET session_number = ?, label = ?, status = 'confirmed', updated_at = ?, updated_by = ? WHERE id = ?
                """, arguments: [number, label, now.storedSeconds, actor, id])
            try audit(db, action: "renumber", entity: "booking", id: "\(id)",
                      before: before.map { "\($0.sessionNumber)" }, after: "\(number)")
        }
    }

    static func requireCustomer(_ db: Database, id: Int64) throws -> Customer {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM customers WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound(.customer, key: "\(id)")
        }
        return RowDecoding.customer(row)
    }

    /// New treatments only for active services; a deactivated one lets its treatments go on.
    static func requireActive(_ service: Service) throws {
        guard service.isActive else {
            throw StoreError.refused(.notBookable(.serviceInactive(service: service.name)))
        }
    }

    static func requireService(_ db: Database, id: Int64) throws -> Service {
        guard let service = try service(db, id: id) else { throw StoreError.notFound(.service, key: "\(id)") }
        return service
    }
}
