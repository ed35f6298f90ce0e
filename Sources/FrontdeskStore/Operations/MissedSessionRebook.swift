import Foundation
import FrontdeskCore
import GRDB

/// Booking a missed session of an immediate treatment again, moving the later sessions along when
/// asked (`MissedSessionRebooking`): one transaction, all or nothing.
extension AppDatabase {
    /// Books the lowest missed (no-show or cancelled) session number of an immediate treatment again
    /// at `start`. When that start breaks the minimum gap to a later session, it is refused with what
    /// `moveLater` would do; with `moveLater` every later confirmed session moves by the same amount
    /// (days and time of day), so the gaps stay as planned. The result lists the new booking first,
    /// then the moved sessions.
    public func rebookMissed(groupID: String, start: Date, providerID: Int64? = nil,
                             moveLater: Bool) throws(StoreError) -> BookingResult {
        let now = self.now
        let calendar = self.calendar
        return try write { db in
            guard let group = try Self.group(db, id: groupID) else { throw StoreError.notFound(what: "treatment", key: groupID) }
            guard group.strategy == .immediate else {
                throw StoreError.notBookable(reason: "only immediate treatments move their later sessions along; book this one with `frontdesk book --group \(groupID)`.")
            }
            let state = group.state(now: now)
            if state.isClosed { throw StoreError.groupClosed(state: state.label) }
            if start < now { throw StoreError.inThePast(start: calendar.dayTime(start)) }
            let progress = group.progress(now: now)
            guard let number = MissedSessionRebooking.number(in: progress),
                  let missed = group.sessions.filter({ $0.sessionNumber == number && !$0.status.holdsNumber }).max(by: { $0.start < $1.start })
            else { throw StoreError.notBookable(reason: "no missed or cancelled session of this treatment waits to be booked again.") }
            let service = try Self.requireService(db, id: group.serviceID)
            let refs = group.sessions.map {
                MissedSessionRebooking.SessionRef(bookingID: $0.id, number: $0.sessionNumber, status: $0.status, start: $0.start)
            }
            let along = MissedSessionRebooking.laterMoves(number: number, missedStart: missed.start, newStart: start,
                                                           sessions: refs, calendar: calendar)
            let moves = moveLater ? along : []
            let noun = group.sessionNoun

            // Gaps between the held sessions as they would stand, checked where something moved.
            let moved = Dictionary(uniqueKeysWithValues: moves.map { ($0.bookingID, $0.to) })
            var timeline = group.sessions.filter { $0.status.holdsNumber }
                .map { (number: $0.sessionNumber, start: moved[$0.id] ?? $0.start, changed: moved[$0.id] != nil) }
            timeline.append((number, start, true))
            timeline.sort { $0.number < $1.number }
            for (previous, next) in zip(timeline, timeline.dropFirst()) where previous.changed || next.changed {
                let gap = service.bufferRules.gap(afterSession: previous.number)
                guard let conflict = SchedulePlanner.checkGap(previous: previous.start, next: next.start, gap: gap, calendar: calendar),
                      case .gapTooShort = conflict else { continue }
                let problem = "\(noun) \(next.number) on \(calendar.dayTime(next.start)) would be too close to \(noun.lowercased()) \(previous.number) on \(calendar.dayTime(previous.start)): \(conflict.message(provider: "", calendar: calendar))"
                if !moveLater, next.number > number, !along.isEmpty {
                    throw StoreError.laterSessionsInTheWay(
                        problem: problem,
                        moves: along.map { "\(noun.lowercased()) \($0.number) \(calendar.dayTime($0.from)) → \(calendar.dayTime($0.to))" })
                }
                throw StoreError.notBookable(reason: problem)
            }

            // The provider's time: the missed session's provider unless another is chosen.
            let chosen = providerID ?? missed.providerID
            guard let provider = try Self.provider(db, id: chosen) else { throw StoreError.notFound(what: "provider", key: "\(chosen)") }
            let minutes = service.definition.durationMinutes(forSession: number)
            var wanted = [(label: "\(noun) \(number)", start: start, minutes: minutes)]
            for move in moves {
                let session = group.sessions.first { $0.id == move.bookingID }!
                wanted.append(("\(noun) \(move.number)", move.to, Int(session.end.timeIntervalSince(session.start) / 60)))
            }
            var schedule = try Self.schedule(db, provider: provider, from: wanted.map(\.start).min()!,
                                             to: wanted.map(\.start).max()!.addingTimeInterval(86_400), excluding: Set(moved.keys))
            var problems: [String] = []
            for item in wanted {
                if let conflict = schedule.conflict(start: item.start, durationMinutes: item.minutes, calendar: calendar) {
                    problems.append("\(item.label) at \(calendar.dayTime(item.start)): \(conflict.message(provider: provider.name, calendar: calendar))")
                } else {
                    schedule = schedule.adding(busy: DateInterval(start: item.start, duration: TimeInterval(item.minutes * 60)))
                }
            }
            guard problems.isEmpty else { throw StoreError.conflicts(problems) }

            // Later sessions first when moving forward, so no two of them collide mid-update.
            for move in (start > missed.start ? moves.reversed() : moves) {
                let session = group.sessions.first { $0.id == move.bookingID }!
                let duration = session.end.timeIntervalSince(session.start)
                try db.execute(sql: "UPDATE bookings SET start_at = ?, end_at = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                               arguments: [move.to.storedSeconds, move.to.addingTimeInterval(duration).storedSeconds,
                                           now.storedSeconds, self.actor, move.bookingID])
                try self.audit(db, action: "reschedule", entity: "booking", id: "\(move.bookingID)",
                               before: calendar.iso8601(move.from), after: calendar.iso8601(move.to))
            }
            let id = try Self.insertBooking(db, customerID: group.customerID, service: service, providerID: provider.id, start: start,
                                            number: number, groupID: groupID, actor: self.actor, now: now)
            try Self.refreshGroup(db, id: groupID, now: now)
            let updated = try Self.group(db, id: groupID)!
            let booked = updated.sessions.filter { $0.id == id }
            try self.queueConfirmation(db, group: updated, booked: booked)
            try self.audit(db, action: "book", entity: "session_group", id: groupID,
                           after: "\(noun) \(number) again" + (moves.isEmpty ? "" : ", \(moves.count) later moved along"))
            let movedSessions = moves.compactMap { move in updated.sessions.first { $0.id == move.bookingID } }
            return BookingResult(bookings: booked + movedSessions, group: updated, shifted: !moves.isEmpty)
        }
    }
}
