import Foundation
import FrontdeskCore
@testable import FrontdeskStore
import FrontdeskTestSupport
import GRDB
import Testing

/// A database written before "v6 people" opens, is migrated, and sends nothing twice.
@Suite struct PeopleMigrationTests {
    @Test func anOlderDatabaseIsMigratedWithoutResendingAndWithItsRemindersQueued() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-v6-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        let now = ISO8601DateFormatter().date(from: "2026-03-04T09:00:00+01:00")!
        let start = Int64(ISO8601DateFormatter().date(from: "2026-03-05T10:00:00+01:00")!.timeIntervalSince1970)
        let later = start + 7 * 86_400
        let pool = try DatabasePool(path: path)
        try Migrations.migrator.migrate(pool, upTo: LifecycleMigration.name)
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO settings(key, value) VALUES ('timezone', 'Europe/Zurich');
                INSERT INTO providers(id, name, working_hours) VALUES (1, 'Dr. Keller', 'Mon-Sat 08:00-20:00');
                INSERT INTO services(id, name, duration_minutes, requires_multiple_sessions, total_sessions_required,
                                     multi_session_strategy, session_buffer_config)
                VALUES (1, 'Physiotherapy', 45, 1, 8, 'flexible', '{"minimum_days": 1}');
                INSERT INTO customers(id, name, search_name, phone, email, created_at)
                VALUES (1, 'Zoë Keller', 'zoe keller', '+41 79 963 78 17', 'Zoe@Example.com', 0);
                INSERT INTO session_groups(session_group_id, customer_id, service_id, provider_id, strategy, total_sessions,
                                           created_at, anchor_at, state)
                VALUES ('00000000-0000-4000-8000-000000000001', 1, 1, 1, 'flexible', 8, 0, \(start), 'active');
                INSERT INTO bookings(id, customer_id, service_id, provider_id, start_at, end_at, is_part_of_multi_session,
                                     session_group_id, session_number, total_sessions, created_at, updated_at, created_by, updated_by)
                VALUES (1, 1, 1, 1, \(start), \(start + 2700), 1, '00000000-0000-4000-8000-000000000001', 1, 8, 0, 0, 'old', 'old'),
                       (2, 1, 1, 1, \(later), \(later + 2700), 1, '00000000-0000-4000-8000-000000000001', 2, 8, 0, 0, 'old', 'old');
                INSERT INTO follow_ups(kind, customer_id, booking_id, session_group_id, due_at, text, status, dedupe_key, created_at)
                VALUES ('reminder', 1, 1, '00000000-0000-4000-8000-000000000001', \(start - 86_400), 'Reminder: old text', 'sent',
                        'reminder:booking:1', 0);
                """)
        }
        try pool.close()

        let db = try AppDatabase.open(path: path, actor: "test", clock: { now }, phoneCountryCode: "41")
        #expect(try db.searchCustomers("079 963 78 17").map(\.id) == [1])
        #expect(try db.searchCustomers("zoe").map(\.id) == [1])
        #expect(try db.searchCustomers("zoe@example.com").map(\.id) == [1])
        #expect(try db.customer(id: 1).smsConsent == false)

        // The open treatment was noted: the sent reminder keeps its (rewritten) key, so only the
        // second session's reminder is new.
        #expect(try db.generateDueFollowUps() == 2)
        let all = try db.followUps(status: nil)
        #expect(all.filter { $0.kind == .reminder && $0.bookingID == 1 }.map(\.status) == [.sent])
        #expect(all.filter { $0.kind == .reminder && $0.bookingID == 2 }.map(\.status) == [.pending])
        #expect(all.contains { $0.kind == .checkIn && $0.status == .pending })
        #expect(try db.generateDueFollowUps() == 0)
    }
}
