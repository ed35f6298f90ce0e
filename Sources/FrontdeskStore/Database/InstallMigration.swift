import GRDB

/// "v8 install": what calendar exports need. Every booking carries the iCalendar SEQUENCE, raised
/// by a trigger whenever its time, provider or status changes (so a calendar that imported it
/// takes the new version, whichever code path moved it), and the database gets a random name
/// that makes event UIDs unique across clinics.
///
/// Self-contained: it reads only v1 columns, so the order among other migrations does not matter.
enum InstallMigration {
    static let name = "v8 install: calendar sequence per booking and a database name for event UIDs"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE bookings ADD COLUMN calendar_sequence INTEGER NOT NULL DEFAULT 0;
            CREATE TRIGGER bookings_raise_calendar_sequence
            AFTER UPDATE OF start_at, end_at, provider_id, status ON bookings
            WHEN OLD.start_at IS NOT NEW.start_at OR OLD.end_at IS NOT NEW.end_at
              OR OLD.provider_id IS NOT NEW.provider_id OR OLD.status IS NOT NEW.status
            BEGIN
                UPDATE bookings SET calendar_sequence = OLD.calendar_sequence + 1 WHERE id = NEW.id;
            END;
            INSERT OR IGNORE INTO settings(key, value) VALUES ('calendar_domain', lower(hex(randomblob(6))) || '.frontdesk');
            """)
    }
}
