import Foundation
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// Whatever the desk does in whatever order, the pending reminders are exactly one per confirmed
/// session still ahead, due 24 hours before it, and nothing else.
@Suite struct ReminderInvariantTests {
    /// A small deterministic generator (SplitMix64), so a failing seed can be replayed.
    struct Dice {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func pendingRemindersMatchTheConfirmedSessionsAheadAfterAnySequence(seed: UInt64) throws {
        let t = try TemporaryDatabase(now: "2026-03-02T08:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let db = t.database
        var dice = Dice(state: seed)
        let customers = [clinic.customer.id] + (try (1...3).map { try db.addCustomer(name: "Customer \($0)", smsConsent: false).id })
        var booked = 0, changed = 0
        for step in 0..<40 {
            let open = try db.agenda(day: t.calendar.localDay(of: t.now), days: 60,
                                     filter: AgendaFilter(statuses: [.confirmed]), after: nil, limit: 500)
            switch dice.next(6) {
            case 0, 1:
                let day = dice.next(20) + 1, hour = 8 + dice.next(10)
                let start = t.calendar.adding(days: day, to: t.calendar.startOfDay(t.calendar.localDay(of: t.now)))
                    .addingTimeInterval(TimeInterval(hour * 3600))
                let service = [clinic.physio.id, clinic.driving.id][dice.next(2)]
                if (try? db.bookSessions(customerID: customers[dice.next(customers.count)], serviceID: service, starts: [start],
                                         allowSecondPackage: true)) != nil { booked += 1 }
            case 2 where !open.isEmpty:
                if (try? db.cancel(bookingID: open[dice.next(open.count)].id, confirmedShortNotice: true)) != nil { changed += 1 }
            case 3 where !open.isEmpty:
                let booking = open[dice.next(open.count)]
                if (try? db.reschedule(bookingID: booking.id, to: booking.start.addingTimeInterval(TimeInterval((dice.next(5) + 1) * 86_400)),
                                       confirmedShortNotice: true, confirmedLate: true)) != nil { changed += 1 }
            case 4 where !open.isEmpty:
                let booking = open[dice.next(open.count)]
                if booking.start <= t.now {
                    _ = dice.next(2) == 0 ? try? db.complete(bookingID: booking.id).booking : try? db.markNoShow(bookingID: booking.id)
                }
            default:
                t.advance(hours: 6 + dice.next(30))
                try db.generateDueFollowUps()
            }
            try checkInvariant(db, now: t.now, step: step, seed: seed)
        }
        // The sequence did something worth checking.
        #expect(booked >= 3 && changed >= 1, "seed \(seed): \(booked) booked, \(changed) cancelled or moved")
    }

    private func checkInvariant(_ db: AppDatabase, now: Date, step: Int, seed: UInt64) throws {
        try db.generateDueFollowUps()
        let ahead = try db.agenda(day: db.calendar.localDay(of: now), days: 90, filter: AgendaFilter(statuses: [.confirmed]),
                                  after: nil, limit: 1_000).filter { $0.start > now }
        let expected = Dictionary(uniqueKeysWithValues: ahead.map { ($0.id, $0.start.addingTimeInterval(-FollowUpRules.reminderLead)) })
        let reminders = try db.followUps(status: .pending, limit: 1_000).filter { $0.kind == .reminder }
        let actual = Dictionary(reminders.map { ($0.bookingID ?? -1, [$0.dueAt]) }, uniquingKeysWith: +)
        #expect(actual.mapValues(\.count).values.allSatisfy { $0 == 1 }, "seed \(seed) step \(step): two reminders for one booking")
        #expect(actual.mapValues { $0[0] } == expected, "seed \(seed) step \(step)")
    }
}
