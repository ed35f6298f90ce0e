import GRDB

/// The schema, as versioned migrations. A shipped migration is never edited: add a new one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 schema") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2 covering indexes for counts") { db in
            try db.execute(sql: v2)
        }
        migrator.registerMigration("v3 covering index for provider availability") { db in
            try db.execute(sql: v3)
        }
        migrator.registerMigration(LifecycleMigration.name) { db in
            try LifecycleMigration.migrate(db)
        }
        // Counters for the Dashboard, kept by triggers in every transaction that changes bookings or
        // treatments, and built here for the data an existing database already holds. After v4: the
        // counters read the treatment state it stores.
        migrator.registerMigration("v5 kpi: dashboard counters kept by triggers") { db in
            try KPICounters.install(db)
        }
        migrator.registerMigration("v6 kpi: counter triggers as defined now, packages counted by the day they lapse") { db in
            try KPICounters.refreshTriggers(db)
        }
        migrator.registerMigration(InstallMigration.name) { db in
            try InstallMigration.migrate(db)
        }
        ServicesMigrations.register(in: &migrator)
        migrator.registerMigration(PeopleMigration.name) { db in
            try PeopleMigration.migrate(db)
        }
        migrator.registerMigration(SpeedMigration.name) { db in
            try SpeedMigration.migrate(db)
        }
        // After "v5 kpi" and "v7 services": overdue follows each treatment's own copy of its rules.
        migrator.registerMigration("dashboard: overdue instants under each treatment's own rules") { db in
            try OverdueInstants.install(db)
        }
        migrator.registerMigration("speed: the overdue index covers what the overdue figure tests") { db in
            try db.execute(sql: OverdueInstants.coveringIndex)
        }
        return migrator
    }

    // Counting sessions by day and status (the dashboard, today's and this week's sessions, the
    // no-show rate) and a treatment's sessions by status (progress, overdue and remaining counts)
    // then reads only these indexes, not a table row per booking: at 1,000,000 bookings the KPI set
    // went from table lookups on every counted booking to index-only scans. bookings_on_start is the
    // prefix of the new (start_at, status) index and would only cost writes.
    private static let v2 = """
    CREATE INDEX bookings_on_start_status ON bookings(start_at, status);
    DROP INDEX bookings_on_start;
    CREATE INDEX bookings_on_group_status ON bookings(session_group_id, status);
    """

    // Planning and the overlap trigger read a provider's busy intervals: answer them from the index alone.
    private static let v3 = """
    CREATE INDEX bookings_on_provider_start_end ON bookings(provider_id, start_at, end_at, status);
    DROP INDEX bookings_on_provider_start;
    """

    // Instants are INTEGER seconds since 1970 UTC; screens convert to the clinic's zone.
    // A booking lasts at most 12 hours, which bounds the overlap search to an index range.
    private static let v1 = """
    CREATE TABLE settings (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE customers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        search_name TEXT NOT NULL,
        phone TEXT,
        email TEXT,
        notes TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL
    );
    CREATE INDEX customers_on_search_name ON customers(search_name);
    CREATE INDEX customers_on_phone ON customers(phone);

    CREATE TABLE providers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
        working_hours TEXT NOT NULL,
        closed_days TEXT NOT NULL DEFAULT '[]',
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
    );

    CREATE TABLE services (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
        session_noun TEXT NOT NULL DEFAULT 'Session',
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 720),
        price_cents INTEGER CHECK (price_cents >= 0),
        trigger_words TEXT NOT NULL DEFAULT '[]',
        requires_multiple_sessions INTEGER NOT NULL CHECK (requires_multiple_sessions IN (0, 1)),
        total_sessions_required INTEGER NOT NULL CHECK (total_sessions_required BETWEEN 1 AND 50),
        multi_session_strategy TEXT NOT NULL
            CHECK (multi_session_strategy IN ('immediate', 'sequential', 'flexible')),
        session_buffer_config TEXT NOT NULL DEFAULT '{}',
        session_plan TEXT NOT NULL DEFAULT '[]',
        expiry_days INTEGER CHECK (expiry_days > 0),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        CHECK (requires_multiple_sessions = 1 OR total_sessions_required = 1)
    );

    CREATE TABLE service_providers (
        service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
        provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
        PRIMARY KEY (service_id, provider_id)
    ) WITHOUT ROWID;

    CREATE TABLE session_groups (
        session_group_id TEXT PRIMARY KEY NOT NULL CHECK (length(session_group_id) = 36),
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        service_id INTEGER NOT NULL REFERENCES services(id),
        provider_id INTEGER REFERENCES providers(id),
        strategy TEXT NOT NULL CHECK (strategy IN ('immediate', 'sequential', 'flexible')),
        total_sessions INTEGER NOT NULL CHECK (total_sessions BETWEEN 1 AND 50),
        created_at INTEGER NOT NULL,
        expires_at INTEGER,
        cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
        completed_at INTEGER,
        -- Listing order, kept current in every transaction that touches the group's sessions:
        -- the start of its next unresolved session, else of its latest session.
        anchor_at INTEGER NOT NULL
    );
    CREATE INDEX session_groups_on_anchor ON session_groups(anchor_at, session_group_id);
    CREATE INDEX session_groups_on_customer ON session_groups(customer_id);
    CREATE INDEX session_groups_open ON session_groups(strategy, cancelled, completed_at);

    CREATE TABLE bookings (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        service_id INTEGER NOT NULL REFERENCES services(id),
        provider_id INTEGER NOT NULL REFERENCES providers(id),
        start_at INTEGER NOT NULL,
        end_at INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'confirmed'
            CHECK (status IN ('confirmed', 'completed', 'cancelled', 'no_show')),
        is_part_of_multi_session INTEGER NOT NULL DEFAULT 0 CHECK (is_part_of_multi_session IN (0, 1)),
        session_group_id TEXT REFERENCES session_groups(session_group_id),
        session_number INTEGER NOT NULL DEFAULT 1 CHECK (session_number >= 1),
        total_sessions INTEGER NOT NULL DEFAULT 1 CHECK (session_number <= total_sessions),
        label TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        CHECK (end_at > start_at AND end_at - start_at <= 43200),
        CHECK ((is_part_of_multi_session = 1) = (session_group_id IS NOT NULL))
    );
    CREATE INDEX idx_bookings_session_group ON bookings(session_group_id);
    CREATE INDEX idx_bookings_multi_session ON bookings(is_part_of_multi_session, session_group_id);
    CREATE INDEX bookings_on_start ON bookings(start_at);
    CREATE INDEX bookings_on_provider_start ON bookings(provider_id, start_at);
    CREATE INDEX bookings_on_customer ON bookings(customer_id, start_at);
    CREATE INDEX bookings_singles_on_start ON bookings(start_at, id) WHERE is_part_of_multi_session = 0;
    -- A session number is held by at most one live booking; a cancelled one frees it.
    CREATE UNIQUE INDEX bookings_one_live_session_number
        ON bookings(session_group_id, session_number)
        WHERE session_group_id IS NOT NULL AND status != 'cancelled';

    -- The last line of defence against double-booking, whoever writes: a live booking may not
    -- overlap another live booking of the same provider.
    CREATE TRIGGER bookings_no_overlap_on_insert
    BEFORE INSERT ON bookings
    WHEN NEW.status != 'cancelled' AND EXISTS (
        SELECT 1 FROM bookings b
        WHERE b.provider_id = NEW.provider_id
          AND b.start_at > NEW.start_at - 43200 AND b.start_at < NEW.end_at
          AND b.end_at > NEW.start_at AND b.status != 'cancelled')
    BEGIN
        SELECT RAISE(ABORT, 'slot taken');
    END;

    CREATE TRIGGER bookings_no_overlap_on_update
    BEFORE UPDATE OF start_at, end_at, provider_id, status ON bookings
    WHEN NEW.status != 'cancelled' AND EXISTS (
        SELECT 1 FROM bookings b
        WHERE b.provider_id = NEW.provider_id AND b.id != NEW.id
          AND b.start_at > NEW.start_at - 43200 AND b.start_at < NEW.end_at
          AND b.end_at > NEW.start_at AND b.status != 'cancelled')
    BEGIN
        SELECT RAISE(ABORT, 'slot taken');
    END;

    CREATE TABLE follow_ups (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('confirmation', 'reminder', 'progress', 'completion',
                                           'next_session', 'overdue', 'check_in', 'expiry')),
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        booking_id INTEGER REFERENCES bookings(id),
        session_group_id TEXT REFERENCES session_groups(session_group_id),
        due_at INTEGER NOT NULL,
        text TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'called', 'dismissed')),
        dedupe_key TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        done_at INTEGER,
        done_by TEXT
    );
    CREATE INDEX follow_ups_on_status_due ON follow_ups(status, due_at);
    CREATE INDEX follow_ups_on_customer ON follow_ups(customer_id);

    CREATE TABLE audit_events (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        before TEXT,
        after TEXT
    );
    CREATE INDEX audit_events_on_entity ON audit_events(entity, entity_id);
    """
}
