/// The tables and triggers that keep the Dashboard's counts current in the same transaction as every
/// change to `bookings` and `session_groups`, whoever writes (the application, an import, the sqlite3
/// shell). Every figure is then a read of a few rows or a small index range (see `DashboardRead`).
///
/// - `kpi_sessions`: sessions per clinic day × provider × service × status, with roll-up rows where
///   provider or service is 0 ("any"), so a filter is one primary-key range.
/// - `kpi_treatments`: one row per treatment with what the figures ask of it (state, the day it started
///   and closed, expiry, sessions booked and held, the last completed session), maintained from its
///   group row and its bookings; partial indexes make expired and expiring small ranges, and overdue
///   one range of the instants `OverdueInstants` keeps.
/// - `kpi_treatment_counts`: treatments per provider × service × strategy × event × day, where the
///   event is `started` (on the day it was created), an open state (`active`, `to_book`; day 0) or
///   the closed state it reached (on its closing day), with roll-ups like `kpi_sessions`.
enum KPICounterSchema {
    /// Open states in `kpi_treatments.state`; every other state is closed.
    static let openStates = "('active', 'to_book')"

    /// The tables and indexes (without triggers).
    static let tables = """
    CREATE TABLE kpi_clinic_offsets (
        from_at INTEGER PRIMARY KEY,
        offset_seconds INTEGER NOT NULL
    );
    CREATE TABLE kpi_sessions (
        provider_id INTEGER NOT NULL,
        service_id INTEGER NOT NULL,
        day INTEGER NOT NULL,
        status TEXT NOT NULL,
        sessions INTEGER NOT NULL,
        PRIMARY KEY (provider_id, service_id, day, status)
    ) WITHOUT ROWID;
    CREATE TABLE kpi_treatments (
        session_group_id TEXT PRIMARY KEY NOT NULL,
        strategy TEXT NOT NULL,
        provider_id INTEGER NOT NULL,
        service_id INTEGER NOT NULL,
        total_sessions INTEGER NOT NULL,
        state TEXT NOT NULL,
        started_day INTEGER NOT NULL,
        closed_day INTEGER,
        expires_at INTEGER,
        confirmed_sessions INTEGER NOT NULL,
        held_sessions INTEGER NOT NULL,
        last_completed_at INTEGER,
        last_completed_number INTEGER
    ) WITHOUT ROWID;
    CREATE INDEX kpi_treatments_waiting ON kpi_treatments(service_id, last_completed_number, last_completed_at, provider_id)
        WHERE strategy = 'sequential' AND closed_day IS NULL AND confirmed_sessions = 0
          AND held_sessions < total_sessions AND last_completed_at IS NOT NULL;
    CREATE INDEX kpi_treatments_expiry
        ON kpi_treatments(expires_at, confirmed_sessions, strategy, provider_id, service_id, held_sessions, total_sessions)
        WHERE expires_at IS NOT NULL AND closed_day IS NULL;
    CREATE INDEX kpi_treatments_open ON kpi_treatments(strategy, service_id, provider_id)
        WHERE closed_day IS NULL;
    CREATE TABLE kpi_treatment_counts (
        provider_id INTEGER NOT NULL,
        service_id INTEGER NOT NULL,
        event TEXT NOT NULL,
        day INTEGER NOT NULL,
        strategy TEXT NOT NULL,
        treatments INTEGER NOT NULL,
        unscheduled INTEGER NOT NULL,
        PRIMARY KEY (provider_id, service_id, event, day, strategy)
    ) WITHOUT ROWID;
    """

    /// The four roll-ups of one row: itself, any service, any provider, any of both.
    static func rollups(provider: String, service: String) -> String {
        """
        (SELECT \(provider) AS p, \(service) AS s UNION ALL SELECT \(provider), 0 \
        UNION ALL SELECT 0, \(service) UNION ALL SELECT 0, 0)
        """
    }

    /// Adds `sign` (1 or -1) session of the booking `row` (NEW or OLD) to its four counters.
    static func countSession(_ row: String, sign: Int) -> String {
        """
        INSERT INTO kpi_sessions(provider_id, service_id, day, status, sessions)
        SELECT k.p, k.s, \(ClinicDaySQL.day(of: "\(row).start_at")), \(row).status, \(sign)
        FROM \(rollups(provider: "\(row).provider_id", service: "\(row).service_id")) k
        WHERE true ON CONFLICT DO UPDATE SET sessions = sessions + excluded.sessions;
        """
    }

    /// A treatment's counts over its bookings, for the group whose id is the SQL expression `id`:
    /// (column, expression) pairs in the order of `treatmentColumns`' last four.
    static func bookingAggregates(_ id: String) -> [(column: String, expression: String)] {
        [("confirmed_sessions", "(SELECT COUNT(*) FROM bookings WHERE session_group_id = \(id) AND status = 'confirmed')"),
         ("held_sessions", """
            (SELECT COUNT(DISTINCT session_number) FROM bookings
             WHERE session_group_id = \(id) AND status IN ('confirmed', 'completed'))
            """),
         ("last_completed_at", "(SELECT MAX(start_at) FROM bookings WHERE session_group_id = \(id) AND status = 'completed')"),
         ("last_completed_number", """
            (SELECT session_number FROM bookings WHERE session_group_id = \(id) AND status = 'completed'
             ORDER BY start_at DESC, session_number DESC LIMIT 1)
            """)]
    }

    static func refreshTreatment(_ id: String) -> String {
        let assignments = bookingAggregates(id).map { "\($0.column) = \($0.expression)" }.joined(separator: ",\n")
        return "UPDATE kpi_treatments SET \(assignments) WHERE session_group_id = \(id);"
    }

    /// The treatment's stored state (v4 lifecycle: the core's `GroupState` without the clock), from the
    /// group row `g` (NEW, OLD or a table alias).
    static func state(_ g: String) -> String {
        "\(g).state"
    }

    /// The instant a treatment closed, or NULL while it is open (see `KPI.closingDay`).
    static func closedAt(_ g: String) -> String {
        """
        CASE \(state(g)) WHEN 'completed' THEN COALESCE(\(g).completed_at, \(g).anchor_at) \
        WHEN 'ended' THEN COALESCE(\(g).ended_at, \(g).anchor_at) WHEN 'cancelled' THEN \(g).anchor_at END
        """
    }

    /// The group columns `kpi_treatments` copies, in the order of `treatmentColumns`.
    static func groupValues(_ g: String) -> String {
        """
        \(g).session_group_id AS session_group_id, \(g).strategy AS strategy, COALESCE(\(g).provider_id, 0) AS provider_id,
        \(g).service_id AS service_id, \(g).total_sessions AS total_sessions, \(state(g)) AS state,
        \(ClinicDaySQL.day(of: "\(g).created_at")) AS started_day, \(ClinicDaySQL.day(of: closedAt(g))) AS closed_day,
        \(g).expires_at AS expires_at
        """
    }

    static let treatmentColumns = """
        session_group_id, strategy, provider_id, service_id, total_sessions, state, started_day, closed_day, expires_at,
        confirmed_sessions, held_sessions, last_completed_at, last_completed_number
        """

    /// A treatment's two events: started on its first day; its state, on its closing day (0 while open).
    /// A third event, `lapses`, on the day an open package with nothing booked expires: the days before
    /// today sum to the packages expired now, so that figure does not read every expired package.
    static func events(_ t: String) -> String {
        """
        (SELECT 'started' AS event, \(t).started_day AS day, 0 AS unscheduled
         UNION ALL SELECT \(t).state, COALESCE(\(t).closed_day, 0),
                          CASE WHEN \(t).closed_day IS NULL THEN \(t).total_sessions - \(t).held_sessions ELSE 0 END
         UNION ALL SELECT 'lapses', \(ClinicDaySQL.day(of: "\(t).expires_at")), \(t).total_sessions - \(t).held_sessions
                   WHERE \(lapses(t)))
        """
    }

    /// Whether the treatment row `t` expires with nothing booked, unless booked or extended first.
    static func lapses(_ t: String) -> String {
        "\(t).closed_day IS NULL AND \(t).confirmed_sessions = 0 AND \(t).expires_at IS NOT NULL"
    }

    /// Adds `sign` times the treatment row `t` (NEW or OLD) to its counters.
    static func countTreatment(_ t: String, sign: Int) -> String {
        """
        INSERT INTO kpi_treatment_counts(provider_id, service_id, event, day, strategy, treatments, unscheduled)
        SELECT k.p, k.s, e.event, e.day, \(t).strategy, \(sign), \(sign) * e.unscheduled
        FROM \(events(t)) e, \(rollups(provider: "\(t).provider_id", service: "\(t).service_id")) k
        WHERE true ON CONFLICT DO UPDATE SET treatments = treatments + excluded.treatments,
                                             unscheduled = unscheduled + excluded.unscheduled;
        """
    }

    /// Triggers on `kpi_treatments` keeping `kpi_treatment_counts`; dropped while counters are rebuilt.
    static let treatmentCountTriggers: [(name: String, sql: String)] = [
        ("kpi_treatment_counts_on_insert", """
        CREATE TRIGGER kpi_treatment_counts_on_insert AFTER INSERT ON kpi_treatments BEGIN
        \(countTreatment("NEW", sign: 1))
        END
        """),
        ("kpi_treatment_counts_on_update", """
        CREATE TRIGGER kpi_treatment_counts_on_update AFTER UPDATE ON kpi_treatments
        WHEN OLD.state IS NOT NEW.state OR OLD.started_day IS NOT NEW.started_day OR OLD.closed_day IS NOT NEW.closed_day
          OR OLD.held_sessions IS NOT NEW.held_sessions OR OLD.total_sessions IS NOT NEW.total_sessions
          OR OLD.provider_id IS NOT NEW.provider_id OR OLD.service_id IS NOT NEW.service_id OR OLD.strategy IS NOT NEW.strategy
          OR OLD.expires_at IS NOT NEW.expires_at OR (OLD.confirmed_sessions = 0) IS NOT (NEW.confirmed_sessions = 0)
        BEGIN
        \(countTreatment("OLD", sign: -1))
        \(countTreatment("NEW", sign: 1))
        END
        """),
        ("kpi_treatment_counts_on_delete", """
        CREATE TRIGGER kpi_treatment_counts_on_delete AFTER DELETE ON kpi_treatments BEGIN
        \(countTreatment("OLD", sign: -1))
        END
        """),
    ]

    /// Triggers on `bookings` and `session_groups`. `BulkLoad` drops and recreates them with the
    /// tables' other triggers; the load then rebuilds the counters (`KPICounters.rebuild`).
    static let sourceTriggers: [String] = [
        """
        CREATE TRIGGER kpi_on_booking_insert AFTER INSERT ON bookings BEGIN
        \(countSession("NEW", sign: 1))
        \(refreshTreatment("NEW.session_group_id"))
        END
        """,
        """
        CREATE TRIGGER kpi_on_booking_update
        AFTER UPDATE OF status, start_at, provider_id, service_id, session_group_id, session_number ON bookings
        WHEN OLD.status IS NOT NEW.status OR OLD.start_at IS NOT NEW.start_at OR OLD.provider_id IS NOT NEW.provider_id
          OR OLD.service_id IS NOT NEW.service_id OR OLD.session_group_id IS NOT NEW.session_group_id
          OR OLD.session_number IS NOT NEW.session_number
        BEGIN
        \(countSession("OLD", sign: -1))
        \(countSession("NEW", sign: 1))
        \(refreshTreatment("OLD.session_group_id"))
        \(refreshTreatment("NEW.session_group_id"))
        END
        """,
        """
        CREATE TRIGGER kpi_on_booking_delete AFTER DELETE ON bookings BEGIN
        \(countSession("OLD", sign: -1))
        \(refreshTreatment("OLD.session_group_id"))
        END
        """,
        """
        CREATE TRIGGER kpi_on_group_insert AFTER INSERT ON session_groups BEGIN
        -- Another trigger's update of the new row (the rules copy) may have counted it already.
        INSERT INTO kpi_treatments(\(treatmentColumns))
        SELECT \(groupValues("NEW")), 0, 0, NULL, NULL
        WHERE true ON CONFLICT(session_group_id) DO NOTHING;
        \(refreshTreatment("NEW.session_group_id"))
        END
        """,
        """
        CREATE TRIGGER kpi_on_group_update
        AFTER UPDATE OF session_group_id, strategy, provider_id, service_id, total_sessions, state, created_at,
                        completed_at, ended_at, anchor_at, expires_at ON session_groups BEGIN
        DELETE FROM kpi_treatments WHERE session_group_id = OLD.session_group_id AND OLD.session_group_id IS NOT NEW.session_group_id;
        INSERT INTO kpi_treatments(\(treatmentColumns))
        SELECT \(groupValues("NEW")), 0, 0, NULL, NULL
        WHERE true ON CONFLICT(session_group_id) DO UPDATE SET
            strategy = excluded.strategy, provider_id = excluded.provider_id, service_id = excluded.service_id,
            total_sessions = excluded.total_sessions, state = excluded.state, started_day = excluded.started_day,
            closed_day = excluded.closed_day, expires_at = excluded.expires_at;
        \(refreshTreatment("NEW.session_group_id"))
        END
        """,
        """
        CREATE TRIGGER kpi_on_group_delete AFTER DELETE ON session_groups BEGIN
        DELETE FROM kpi_treatments WHERE session_group_id = OLD.session_group_id;
        END
        """,
    ]
}

extension KPICounterSchema {
    /// Open packages past their expiry with nothing booked (the one parameter is now), on the expiry index.
    static let expiredNow = """
        expires_at IS NOT NULL AND closed_day IS NULL AND expires_at <= ? AND confirmed_sessions = 0
        """

    /// Open flexible packages with sessions unscheduled expiring after now (first parameter) and by the
    /// horizon (second), on the expiry index.
    static let expiringSoon = """
        expires_at IS NOT NULL AND closed_day IS NULL AND expires_at > ? AND expires_at <= ?
        AND strategy = 'flexible' AND held_sessions < total_sessions
        """

    /// Open sequential treatments with nothing booked, a number free and a completed session, on the waiting index.
    static let waiting = """
        strategy = 'sequential' AND closed_day IS NULL AND confirmed_sessions = 0
        AND held_sessions < total_sessions AND last_completed_at IS NOT NULL
        """
}
