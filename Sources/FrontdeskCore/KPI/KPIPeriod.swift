/// The span of clinic days the Dashboard's rates are measured over: the period selector of the
/// screen and `--period` / `--from --to` of `frontdesk kpi`.
public enum KPIPeriod: Sendable, Equatable, Hashable {
    /// Monday to Sunday of the current week.
    case thisWeek
    case thisMonth
    /// The calendar quarter (January–March, April–June, …).
    case thisQuarter
    case thisYear
    /// Every day the database holds.
    case allTime
    /// From one day to another, both included.
    case days(from: LocalDay, to: LocalDay)

    /// The periods the selector offers, in order (a from–to range is typed).
    public static let offered: [KPIPeriod] = [.thisWeek, .thisMonth, .thisQuarter, .thisYear, .allTime]

    /// The first and last day (both included) on `today`; nil for all time.
    public func range(today: LocalDay) -> ClosedRange<LocalDay>? {
        switch self {
        case .thisWeek:
            let monday = today.mondayOfWeek
            return monday...monday.adding(days: 6)
        case .thisMonth:
            let first = LocalDay(year: today.year, month: today.month, day: 1)
            return first...first.adding(months: 1).adding(days: -1)
        case .thisQuarter:
            let first = LocalDay(year: today.year, month: (today.month - 1) / 3 * 3 + 1, day: 1)
            return first...first.adding(months: 3).adding(days: -1)
        case .thisYear:
            return LocalDay(year: today.year, month: 1, day: 1)...LocalDay(year: today.year, month: 12, day: 31)
        case .allTime:
            return nil
        case let .days(from, to):
            return min(from, to)...max(from, to)
        }
    }

    /// The name scripts use (`--period week`); nil for a from–to range.
    public var name: String? {
        switch self {
        case .thisWeek: return "week"
        case .thisMonth: return "month"
        case .thisQuarter: return "quarter"
        case .thisYear: return "year"
        case .allTime: return "all"
        case .days: return nil
        }
    }

    /// The period a name stands for: "week", "month", "quarter", "year" or "all".
    public init?(name: String) {
        guard let found = Self.offered.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = found
    }

    /// What the desk reads: "this month", "all time", "2026-03-01 to 2026-03-31".
    public var label: String {
        switch self {
        case .thisWeek: return "this week"
        case .thisMonth: return "this month"
        case .thisQuarter: return "this quarter"
        case .thisYear: return "this year"
        case .allTime: return "all time"
        case let .days(from, to): return "\(min(from, to)) to \(max(from, to))"
        }
    }
}

extension LocalDay {
    /// The Monday of the week the day falls in (weeks run Monday to Sunday).
    public var mondayOfWeek: LocalDay { adding(days: -(weekday.rawValue - 1)) }
}
