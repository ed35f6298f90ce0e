import Foundation
import FrontdeskCore
import GRDB

/// "v6 people": customers searchable by normalised phone and e-mail, with SMS and e-mail consent;
/// a follow-up queue that can say a message expired or was withdrawn, records every delivery attempt,
/// lets one sender claim a message, and learns from triggers which treatments changed.
enum PeopleMigration {
    static let name = "v6 people: normalised phones, consent, follow-up claims, attempts and change log"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: customers)
        // Without a configured country code yet: national numbers keep their leading 0 until the
        // first open with `default_country_code` renormalises them (AppDatabase.open).
        let rows = try Row.fetchAll(db, sql: "SELECT id, phone, email FROM customers WHERE phone IS NOT NULL OR email IS NOT NULL")
        let update = try db.makeStatement(sql: "UPDATE customers SET phone_normalised = ?, email_search = ? WHERE id = ?")
        for row in rows {
            let phone: String? = row["phone"], email: String? = row["email"]
            try update.execute(arguments: [phone.flatMap { PhoneNumber.normalised($0) }, email.map(EmailAddress.normalised), row["id"] as Int64])
        }
        try db.execute(sql: followUps)
        try db.execute(sql: nameSearch)
    }

    // Names and e-mails by word prefix ("zoe kel" finds "Zoë Keller"), from a full-text index that
    // triggers keep in step with the customers table whoever writes it: a search never scans it.
    private static let nameSearch = """
    CREATE VIRTUAL TABLE customers_search USING fts5(
        search_name, email_search, content = 'customers', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
    CREATE TRIGGER customers_search_on_insert AFTER INSERT ON customers BEGIN
        INSERT INTO customers_search(rowid, search_name, email_search) VALUES (NEW.id, NEW.search_name, NEW.email_search);
    END;
    CREATE TRIGGER customers_search_on_delete AFTER DELETE ON customers BEGIN
        INSERT INTO customers_search(customers_search, rowid, search_name, email_search)
        VALUES ('delete', OLD.id, OLD.search_name, OLD.email_search);
    END;
    CREATE TRIGGER customers_search_on_update AFTER UPDATE OF search_name, email_search ON customers BEGIN
        INSERT INTO customers_search(customers_search, rowid, search_name, email_search)
        VALUES ('delete', OLD.id, OLD.search_name, OLD.email_search);
        INSERT INTO customers_search(rowid, search_name, email_search) VALUES (NEW.id, NEW.search_name, NEW.email_search);
    END;
    INSERT INTO customers_search(customers_search) VALUES ('rebuild');
    """

    private static let customers = """
    ALTER TABLE customers ADD COLUMN phone_normalised TEXT;
    ALTER TABLE customers ADD COLUMN email_search TEXT;
    ALTER TABLE customers ADD COLUMN sms_consent INTEGER NOT NULL DEFAULT 0 CHECK (sms_consent IN (0, 1));
    ALTER TABLE customers ADD COLUMN email_consent INTEGER NOT NULL DEFAULT 0 CHECK (email_consent IN (0, 1));
    CREATE INDEX customers_on_phone_normalised ON customers(phone_normalised);
    CREATE INDEX customers_on_email_search ON customers(email_search);
    -- A name search walks the names in order and also matches e-mails: read both from the index, not the table.
    CREATE INDEX customers_on_search_name_email ON customers(search_name, id, email_search);
    DROP INDEX customers_on_search_name;
    """

    // The kind and status lists are CHECKed, so the table is rebuilt. 'rebook' is listed for the
    // lifecycle work's follow-up. valid_until: a reminder is never sent once its session has started.
    private static let followUps = """
    CREATE TABLE follow_ups_v6 (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('confirmation', 'reminder', 'progress', 'completion', 'next_session',
                                           'overdue', 'check_in', 'expiry', 'cancellation', 'change', 'rebook')),
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        booking_id INTEGER REFERENCES bookings(id),
        session_group_id TEXT REFERENCES session_groups(session_group_id),
        due_at INTEGER NOT NULL,
        text TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending'
            CHECK (status IN ('pending', 'sent', 'called', 'dismissed', 'expired', 'withdrawn')),
        dedupe_key TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        done_at INTEGER,
        done_by TEXT,
        valid_until INTEGER,
        note TEXT NOT NULL DEFAULT '',
        claimed_at INTEGER,
        claimed_by TEXT,
        attempts INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO follow_ups_v6(id, kind, customer_id, booking_id, session_group_id, due_at, text, status, dedupe_key,
                              created_at, done_at, done_by)
        SELECT id, kind, customer_id, booking_id, session_group_id, due_at, text, status, dedupe_key,
               created_at, done_at, done_by FROM follow_ups;
    DROP TABLE follow_ups;
    ALTER TABLE follow_ups_v6 RENAME TO follow_ups;
    -- A reminder is for a booking at one time: old keys get the time they were made for, so a sent
    -- reminder is not sent again and a moved booking gets a new one.
    UPDATE follow_ups SET
        valid_until = (SELECT start_at FROM bookings WHERE bookings.id = follow_ups.booking_id),
        dedupe_key = dedupe_key || ':' || (SELECT start_at FROM bookings WHERE bookings.id = follow_ups.booking_id)
    WHERE kind = 'reminder' AND booking_id IS NOT NULL;
    CREATE INDEX follow_ups_on_status_due ON follow_ups(status, due_at);
    CREATE INDEX follow_ups_on_customer ON follow_ups(customer_id, status);
    CREATE INDEX follow_ups_on_group ON follow_ups(session_group_id, status);
    CREATE INDEX follow_ups_on_booking ON follow_ups(booking_id, status);
    CREATE INDEX follow_ups_pending_by_kind ON follow_ups(kind, due_at) WHERE status = 'pending';
    CREATE INDEX follow_ups_pending_until ON follow_ups(valid_until) WHERE status = 'pending' AND valid_until IS NOT NULL;

    CREATE TABLE follow_up_attempts (
        id INTEGER PRIMARY KEY,
        follow_up_id INTEGER NOT NULL REFERENCES follow_ups(id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        by TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'failed', 'timed_out', 'not_started')),
        exit_status INTEGER,
        stderr_line TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX follow_up_attempts_on_follow_up ON follow_up_attempts(follow_up_id, at);

    -- Treatments ('<session_group_id>') and single bookings ('booking:<id>') whose follow-ups must be
    -- worked out again: written by triggers whoever changes a booking, emptied by the operations
    -- that reconcile in their own transaction and by the generator.
    CREATE TABLE follow_up_changes (subject TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;

    CREATE TRIGGER bookings_follow_up_change_on_insert AFTER INSERT ON bookings
    BEGIN
        INSERT OR IGNORE INTO follow_up_changes(subject) VALUES (COALESCE(NEW.session_group_id, 'booking:' || NEW.id));
    END;
    CREATE TRIGGER bookings_follow_up_change_on_update AFTER UPDATE OF status, start_at, end_at, provider_id ON bookings
    BEGIN
        INSERT OR IGNORE INTO follow_up_changes(subject) VALUES (COALESCE(NEW.session_group_id, 'booking:' || NEW.id));
    END;
    CREATE TRIGGER session_groups_follow_up_change AFTER UPDATE OF cancelled, expires_at, total_sessions ON session_groups
    BEGIN
        INSERT OR IGNORE INTO follow_up_changes(subject) VALUES (NEW.session_group_id);
    END;

    -- What existed before this version: open treatments and upcoming single bookings are worked out once.
    INSERT OR IGNORE INTO follow_up_changes(subject)
        SELECT session_group_id FROM session_groups WHERE cancelled = 0 AND completed_at IS NULL;
    INSERT OR IGNORE INTO follow_up_changes(subject)
        SELECT 'booking:' || id FROM bookings
        WHERE is_part_of_multi_session = 0 AND status = 'confirmed' AND start_at > CAST(strftime('%s', 'now') AS INTEGER) - 86400;
    """
}
