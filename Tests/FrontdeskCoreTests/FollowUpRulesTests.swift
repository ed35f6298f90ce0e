import Foundation
import Testing
@testable import FrontdeskCore

@Suite struct FollowUpRulesTests {
    let cal = Fixture.zurich

    func booking(_ id: Int64, _ number: Int, _ status: BookingStatus, _ start: Date, minutes: Int = 60,
                 label: String? = nil, total: Int) -> GroupBooking {
        GroupBooking(bookingID: id, session: SessionSnapshot(
            number: number, status: status, start: start, end: start.addingTimeInterval(Double(minutes) * 60),
            label: label ?? "Session \(number) of \(total)"))
    }

    func implant(_ statuses: [BookingStatus] = [.confirmed, .confirmed, .confirmed]) -> GroupFacts {
        let starts = [Fixture.at(2026, 3, 10, 14), Fixture.at(2026, 3, 24, 14), Fixture.at(2026, 4, 23, 14)]
        let labels = ["Implant placement", "Healing check", "Crown installation"]
        return GroupFacts(groupID: "implant-1", serviceName: "Dental Implant", strategy: .immediate, totalSessions: 3,
                          bookings: (0..<3).map { booking(Int64(41 + $0), $0 + 1, statuses[$0], starts[$0], label: labels[$0], total: 3) },
                          gaps: Fixture.implantGaps)
    }

    func physio(_ bookings: [GroupBooking], gap: SessionGap = Fixture.physioGap) -> GroupFacts {
        GroupFacts(groupID: "physio-1", serviceName: "Physiotherapy Treatment Plan", strategy: .sequential,
                   totalSessions: 8, bookings: bookings, gaps: [gap])
    }

    func driving(_ bookings: [GroupBooking], expiresAt: Date? = nil) -> GroupFacts {
        GroupFacts(groupID: "driving-1", serviceName: "Driving Lessons", sessionNoun: "Lesson", strategy: .flexible,
                   totalSessions: 10, bookings: bookings, expiresAt: expiresAt)
    }

    @Test func reminderIsDueTwentyFourHoursBefore() throws {
        let facts = implant([.completed, .confirmed, .confirmed])
        #expect(FollowUpRules.due(for: facts, now: Fixture.at(2026, 3, 23, 13, 59), calendar: cal).isEmpty)
        let due = FollowUpRules.due(for: facts, now: Fixture.at(2026, 3, 23, 15), calendar: cal)
        let reminder = try #require(due.first)
        #expect(due.count == 1)
        #expect(reminder.kind == .reminder)
        #expect(reminder.dueAt == Fixture.at(2026, 3, 23, 14))
        #expect(reminder.text == "Reminder: Session 2 of 3 tomorrow at 14:00 - Healing check.")
        #expect(reminder.dedupeKey == "reminder:booking:42")
        #expect(reminder.bookingID == 42 && reminder.groupID == "implant-1")
        // Only the reminder of the session about to come is due; a session that has begun needs none.
        let third = FollowUpRules.due(for: facts, now: Fixture.at(2026, 4, 22, 14, 30), calendar: cal)
        #expect(third.map(\.dedupeKey) == ["reminder:booking:43"])
        #expect(FollowUpRules.due(for: facts, now: Fixture.at(2026, 4, 23, 14), calendar: cal).isEmpty)
    }

    @Test func generatingTwiceQueuesNothingTwice() {
        let facts = implant()
        var stored: [String: DueFollowUp] = [:]
        var hour = Fixture.at(2026, 3, 9, 0)
        while hour < Fixture.at(2026, 4, 24, 0) {
            for followUp in FollowUpRules.due(for: facts, now: hour, calendar: cal) + FollowUpRules.due(for: facts, now: hour, calendar: cal) {
                stored[followUp.dedupeKey] = stored[followUp.dedupeKey] ?? followUp
            }
            hour = hour.addingTimeInterval(3600)
        }
        #expect(stored.keys.sorted() == ["reminder:booking:41", "reminder:booking:42", "reminder:booking:43"])
        let now = Fixture.at(2026, 3, 23, 15)
        #expect(FollowUpRules.due(for: facts, now: now, calendar: cal) == FollowUpRules.due(for: facts, now: now, calendar: cal))
    }

    @Test func confirmationCoversTheBatch() throws {
        let confirmation = try #require(FollowUpRules.confirmation(for: implant(), bookingIDs: [43, 41, 42],
                                                                   now: Fixture.at(2026, 3, 1, 9), calendar: cal))
        #expect(confirmation.kind == .confirmation)
        #expect(confirmation.dedupeKey == "confirmation:booking:41")
        #expect(confirmation.text.contains("Session 3 of 3: Thursday, April 23 at 14:00 - Crown installation"))
        #expect(FollowUpRules.confirmation(for: implant(), bookingIDs: [99], now: .now, calendar: cal) == nil)
    }

    @Test func sequentialCompletionQueuesProgressAndNextSession() {
        let facts = physio([booking(7, 1, .completed, Fixture.at(2026, 3, 11, 10), minutes: 45, total: 8)])
        let queued = FollowUpRules.afterCompletion(of: 7, facts: facts, now: Fixture.at(2026, 3, 11, 11), calendar: cal)
        #expect(queued.map(\.kind) == [.progress, .nextSession])
        #expect(queued.map(\.dedupeKey) == ["progress:booking:7", "next_session:booking:7"])
        #expect(queued[0].text == "Session 1 of 8 complete! You have 7 sessions remaining.")
        #expect(queued[1].text.contains("between Fri 13 Mar and Wed 18 Mar, ideally Sat 14 Mar"))
        #expect(queued.allSatisfy { $0.dueAt == Fixture.at(2026, 3, 11, 10, 45) })
        // The generator catches up on them too, and agrees on the keys.
        #expect(FollowUpRules.due(for: facts, now: Fixture.at(2026, 3, 12, 9), calendar: cal).map(\.dedupeKey)
                == ["progress:booking:7", "next_session:booking:7"])
    }

    @Test func overdueAfterTheMaximumGapUnlessBooked() throws {
        let completed = booking(7, 3, .completed, Fixture.at(2026, 3, 10, 17), total: 8)
        let earlier = [booking(5, 1, .completed, Fixture.at(2026, 3, 4, 17), total: 8),
                       booking(6, 2, .completed, Fixture.at(2026, 3, 7, 17), total: 8)]
        let facts = physio(earlier + [completed])
        #expect(FollowUpRules.overdueAt(lastSessionStart: completed.session.start, gap: Fixture.physioGap, calendar: cal)
                == Fixture.at(2026, 3, 17, 17))
        #expect(!FollowUpRules.due(for: facts, now: Fixture.at(2026, 3, 17, 17), calendar: cal).contains { $0.kind == .overdue })
        let overdue = try #require(FollowUpRules.due(for: facts, now: Fixture.at(2026, 3, 20, 9), calendar: cal)
            .first { $0.kind == .overdue })
        #expect(overdue.text == "It's been 10 days since Session 3. Book Session 4 soon for best results!")
        #expect(overdue.dedupeKey == "overdue:booking:7")
        let booked = physio(earlier + [completed, booking(8, 4, .confirmed, Fixture.at(2026, 3, 23, 17), total: 8)])
        #expect(!FollowUpRules.due(for: booked, now: Fixture.at(2026, 3, 20, 9), calendar: cal).contains { $0.kind == .overdue })
        // Without a maximum, twice the recommended gap.
        let open = SessionGap(planned: .days(3), minimum: .days(2), recommended: .days(3))
        #expect(FollowUpRules.overdueAt(lastSessionStart: completed.session.start, gap: open, calendar: cal)
                == Fixture.at(2026, 3, 16, 17))
    }

    @Test func lastSessionCompletesTheTreatment() {
        let facts = GroupFacts(groupID: "p-2", serviceName: "Physiotherapy Treatment Plan", strategy: .sequential,
                               totalSessions: 2,
                               bookings: [booking(1, 1, .completed, Fixture.at(2026, 3, 4, 17), total: 2),
                                          booking(2, 2, .completed, Fixture.at(2026, 3, 7, 17), total: 2)],
                               gaps: [Fixture.physioGap])
        let queued = FollowUpRules.afterCompletion(of: 2, facts: facts, now: Fixture.at(2026, 3, 7, 18), calendar: cal)
        #expect(queued.map(\.kind) == [.completion])
        #expect(queued.first?.dedupeKey == "completion:group:p-2")
        #expect(queued.first?.text.contains("all 2 sessions") == true)
        #expect(!FollowUpRules.due(for: facts, now: Fixture.at(2026, 3, 30, 9), calendar: cal).contains { $0.kind == .overdue })
    }

    @Test func flexibleCheckInWhenNothingIsBookedAhead() throws {
        let lessons = [(11, 1, 2), (12, 2, 4), (13, 3, 6)].map {
            booking(Int64($0.0), $0.1, .completed, Fixture.at(2026, 3, $0.2, 17), total: 10)
        }
        let due = FollowUpRules.due(for: driving(lessons), now: Fixture.at(2026, 3, 7, 9), calendar: cal)
        let checkIn = try #require(due.first { $0.kind == .checkIn })
        #expect(checkIn.text == "You have 7 lessons remaining in your package. Would you like to schedule more?")
        #expect(checkIn.dedupeKey == "check_in:booking:13")
        #expect(checkIn.dueAt == Fixture.at(2026, 3, 6, 18))
        #expect(due.first { $0.kind == .progress }?.text == "Lesson 3 of 10 complete! You have 7 lessons remaining.")
        let ahead = driving(lessons + [booking(14, 4, .confirmed, Fixture.at(2026, 3, 9, 17), total: 10)])
        #expect(!FollowUpRules.due(for: ahead, now: Fixture.at(2026, 3, 7, 9), calendar: cal).contains { $0.kind == .checkIn })
    }

    @Test func expiryWarningThirtyDaysAhead() throws {
        let lessons = [booking(11, 1, .completed, Fixture.at(2026, 3, 2, 17), total: 10),
                       booking(12, 2, .confirmed, Fixture.at(2026, 3, 30, 17), total: 10)]
        let facts = driving(lessons, expiresAt: Fixture.at(2026, 4, 5, 18))
        #expect(!FollowUpRules.due(for: facts, now: Fixture.at(2026, 3, 6, 17, 59), calendar: cal).contains { $0.kind == .expiry })
        let warning = try #require(FollowUpRules.due(for: facts, now: Fixture.at(2026, 3, 6, 18), calendar: cal)
            .first { $0.kind == .expiry })
        #expect(warning.text == "Your package expires in 30 days. 8 lessons still available!")
        #expect(warning.dedupeKey == "expiry:group:driving-1:2026-04-05")
        #expect(warning.bookingID == nil)
        #expect(!FollowUpRules.due(for: facts, now: Fixture.at(2026, 4, 5, 18), calendar: cal).contains { $0.kind == .expiry })
    }

    @Test func cancelledGroupsGetNothing() {
        var facts = implant()
        facts.cancelled = true
        #expect(FollowUpRules.due(for: facts, now: Fixture.at(2026, 3, 23, 15), calendar: cal).isEmpty)
    }
}
