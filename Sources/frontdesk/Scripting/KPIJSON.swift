import Foundation
import FrontdeskCore

// The KPI set of the scripting contract: what `kpi --json` and `kpi --weeks --json` print. Figures
// are keyed by the core's KPI names (`KPI.rawValue`), so a figure added to the core appears here
// with its definition without another list to keep.

/// `kpi --json`: the period and filters the figures were counted for, every figure, and each
/// figure's definition in the words the Dashboard's help uses.
struct KPISetJSON: Encodable, Equatable {
    struct Period: Encodable, Equatable {
        /// week, month, quarter, year, all, or "range" for --from/--to.
        var name: String
        /// The first and last day counted, both included; null for all time.
        @Nullable var from: String?
        @Nullable var to: String?
    }

    var period: Period
    @Nullable var providerID: Int64?
    @Nullable var serviceID: Int64?
    var figures: [String: KPIFigureJSON]
    var definitions: [String: String]

    init(_ report: KPIReport, query: DashboardQuery, today: LocalDay) {
        let range = query.period.range(today: today)
        period = Period(name: query.period.name ?? "range", from: range.map { "\($0.lowerBound)" }, to: range.map { "\($0.upperBound)" })
        providerID = query.providerID
        serviceID = query.serviceID
        figures = Dictionary(uniqueKeysWithValues: report.rows.map { ($0.kpi.rawValue, KPIFigureJSON($0.kpi, $0.value, counts: report.counts)) })
        definitions = Dictionary(uniqueKeysWithValues: KPI.allCases.map { ($0.rawValue, $0.definition) })
    }

    enum CodingKeys: String, CodingKey { case period, figures, definitions, providerID = "provider_id", serviceID = "service_id" }
}

/// One figure: a count is a number; a ratio, sessions by status and the weekly series are objects.
enum KPIFigureJSON: Encodable, Equatable {
    case count(Int)
    case ratio(KPIRatioJSON)
    case sessions(KPISessionsJSON)
    case weeks([KPIWeekJSON])

    init(_ kpi: KPI, _ value: KPIValue, counts: DashboardCounts) {
        switch value {
        case .count(let n): self = .count(n)
        case .ratio: self = .ratio(KPIRatioJSON(kpi, value, counts: counts))
        case .sessions(let sessions): self = .sessions(KPISessionsJSON(sessions))
        case .weeks(let weeks): self = .weeks(weeks.map(KPIWeekJSON.init))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .count(let n): try c.encode(n)
        case .ratio(let ratio): try c.encode(ratio)
        case .sessions(let sessions): try c.encode(sessions)
        case .weeks(let weeks): try c.encode(weeks)
        }
    }
}

/// A rate with the counts it is made of ("84 % (42 of 50)"). The closed treatments behind a
/// completion rate are given by kind; for the other rates those keys are null.
struct KPIRatioJSON: Encodable, Equatable {
    /// 0…1 to four places; null when nothing was measured (the denominator is 0).
    @Nullable var rate: Double?
    var numerator: Int
    var denominator: Int
    var text: String
    @Nullable var completed: Int?
    @Nullable var cancelled: Int?
    @Nullable var endedEarly: Int?
    @Nullable var expired: Int?

    init(_ kpi: KPI, _ value: KPIValue, counts: DashboardCounts) {
        rate = value.rate.map { ($0 * 10_000).rounded() / 10_000 }
        if case let .ratio(n, d) = value { (numerator, denominator) = (n, d) } else { (numerator, denominator) = (0, 0) }
        text = value.description
        if kpi.strategy.map({ kpi == .completionRate(for: $0) }) ?? (kpi == .completionRate) {
            let closed = kpi.strategy.map { counts.closed[$0] ?? ClosedTreatments() } ?? counts.allClosed
            (completed, cancelled, endedEarly, expired) = (closed.completed, closed.cancelled, closed.endedEarly, closed.expired)
        }
    }

    enum CodingKeys: String, CodingKey {
        case rate, numerator, denominator, text, completed, cancelled, expired, endedEarly = "ended_early"
    }
}

/// Sessions by status (today, this week).
struct KPISessionsJSON: Encodable, Equatable {
    var booked, completed, noShow, cancelled: Int

    init(_ counts: SessionCounts) {
        (booked, completed, noShow, cancelled) = (counts.booked, counts.completed, counts.noShow, counts.cancelled)
    }

    enum CodingKeys: String, CodingKey { case booked, completed, cancelled, noShow = "no_show" }
}

/// One week of the sessions-per-week series (`kpi --weeks --json` prints the series).
struct KPIWeekJSON: Encodable, Equatable {
    /// The Monday the week starts on.
    var weekStart: String
    var booked, completed, noShow, cancelled: Int

    init(_ week: WeekSessions) {
        weekStart = "\(week.weekStart)"
        let s = week.sessions
        (booked, completed, noShow, cancelled) = (s.booked, s.completed, s.noShow, s.cancelled)
    }

    enum CodingKeys: String, CodingKey { case booked, completed, cancelled, weekStart = "week_start", noShow = "no_show" }
}

/// `kpi --verify --json` when every counter matches a recount (a difference is a refusal, exit 1).
struct KPIVerificationJSON: Encodable {
    var ok: Bool
    var differences: [String]
}
