/// Sessions counted by status: a day, a week, a period.
public struct SessionCounts: Sendable, Equatable, Hashable, Codable {
    /// Confirmed: booked and not yet marked.
    public var booked: Int
    public var completed: Int
    public var noShow: Int
    public var cancelled: Int

    public init(booked: Int = 0, completed: Int = 0, noShow: Int = 0, cancelled: Int = 0) {
        self.booked = booked
        self.completed = completed
        self.noShow = noShow
        self.cancelled = cancelled
    }

    /// Sessions that were not cancelled: booked, completed or missed.
    public var live: Int { booked + completed + noShow }

    /// Adds `count` sessions of one status.
    public mutating func add(_ count: Int, _ status: BookingStatus) {
        switch status {
        case .confirmed: booked += count
        case .completed: completed += count
        case .noShow: noShow += count
        case .cancelled: cancelled += count
        }
    }

    public static func + (a: SessionCounts, b: SessionCounts) -> SessionCounts {
        SessionCounts(booked: a.booked + b.booked, completed: a.completed + b.completed,
                      noShow: a.noShow + b.noShow, cancelled: a.cancelled + b.cancelled)
    }
}

/// Treatments of one strategy that closed in a period, by how they closed.
public struct ClosedTreatments: Sendable, Equatable, Hashable, Codable {
    /// Every session number has a completed booking.
    public var completed: Int
    /// The whole treatment was cancelled.
    public var cancelled: Int
    /// The desk ended it early (closed, not completed).
    public var endedEarly: Int
    /// A package past its expiry date with nothing booked.
    public var expired: Int

    public init(completed: Int = 0, cancelled: Int = 0, endedEarly: Int = 0, expired: Int = 0) {
        self.completed = completed
        self.cancelled = cancelled
        self.endedEarly = endedEarly
        self.expired = expired
    }

    /// The denominator of the completion rate.
    public var closed: Int { completed + cancelled + endedEarly + expired }

    public static func + (a: ClosedTreatments, b: ClosedTreatments) -> ClosedTreatments {
        ClosedTreatments(completed: a.completed + b.completed, cancelled: a.cancelled + b.cancelled,
                         endedEarly: a.endedEarly + b.endedEarly, expired: a.expired + b.expired)
    }
}

/// One bar group of the weekly chart: the sessions of the week starting on a Monday.
public struct WeekSessions: Sendable, Equatable, Hashable, Codable {
    public var weekStart: LocalDay
    public var sessions: SessionCounts

    public init(weekStart: LocalDay, sessions: SessionCounts) {
        self.weekStart = weekStart
        self.sessions = sessions
    }
}

/// The plain counts behind every Dashboard figure, as the store reads them for one period and
/// filter. Every formula lives in `KPIReport`; nothing here is a ratio.
public struct DashboardCounts: Sendable, Equatable {
    /// The days the rates cover; nil for all time.
    public var period: ClosedRange<LocalDay>?
    // Per-strategy dictionaries leave out strategies with nothing counted: read them with `?? 0`.

    /// Treatments open now (not completed, cancelled, ended or expired), by strategy.
    public var active: [Strategy: Int]
    /// Treatments that closed in the period, by strategy (the completion rate).
    public var closed: [Strategy: ClosedTreatments]
    /// Treatments started in the period, by strategy (strategy popularity).
    public var started: [Strategy: Int]
    /// Sessions in the period by status (the no-show rate).
    public var periodSessions: SessionCounts
    public var today: SessionCounts
    /// Monday to Sunday of the current week.
    public var thisWeek: SessionCounts
    public var overdueSequential: Int
    public var unscheduledFlexibleSessions: Int
    public var packagesExpiringSoon: Int
    /// The chart's weeks (`DashboardQuery.chartWeeks`), oldest first.
    public var weeks: [WeekSessions]

    public init(period: ClosedRange<LocalDay>? = nil, active: [Strategy: Int] = [:], closed: [Strategy: ClosedTreatments] = [:],
                started: [Strategy: Int] = [:], periodSessions: SessionCounts = SessionCounts(), today: SessionCounts = SessionCounts(),
                thisWeek: SessionCounts = SessionCounts(), overdueSequential: Int = 0, unscheduledFlexibleSessions: Int = 0,
                packagesExpiringSoon: Int = 0, weeks: [WeekSessions] = []) {
        self.period = period
        self.active = active
        self.closed = closed
        self.started = started
        self.periodSessions = periodSessions
        self.today = today
        self.thisWeek = thisWeek
        self.overdueSequential = overdueSequential
        self.unscheduledFlexibleSessions = unscheduledFlexibleSessions
        self.packagesExpiringSoon = packagesExpiringSoon
        self.weeks = weeks
    }

    /// Closed treatments over every strategy.
    public var allClosed: ClosedTreatments {
        Strategy.allCases.reduce(ClosedTreatments()) { $0 + (closed[$1] ?? ClosedTreatments()) }
    }
}

/// What the Dashboard shows: a period for the rates and an optional provider and service.
public struct DashboardQuery: Sendable, Equatable, Hashable {
    public var period: KPIPeriod
    /// Only treatments booked with, and sessions given by, this provider.
    public var providerID: Int64?
    public var serviceID: Int64?

    public init(period: KPIPeriod = .allTime, providerID: Int64? = nil, serviceID: Int64? = nil) {
        self.period = period
        self.providerID = providerID
        self.serviceID = serviceID
    }

    /// Weeks of the chart before the current one, and after it.
    public static let weeksBack = 12
    public static let weeksAhead = 4

    /// The Mondays of the chart's weeks around `today`: the 12 whole weeks before this one, this week,
    /// and the 4 after it (17 bars).
    public static func chartWeeks(today: LocalDay) -> [LocalDay] {
        let monday = today.mondayOfWeek
        return (-weeksBack...weeksAhead).map { monday.adding(days: 7 * $0) }
    }
}

/// The rows behind a tile that stands for a list (Enter on the tile).
public enum KPIListRows: Sendable, Equatable {
    /// Overdue, expiring and unscheduled: treatments, Enter opens one.
    case treatments([TreatmentSummary])
    /// Today: sessions, Enter opens the session's treatment (or the single booking).
    case sessions([Booking])
}
