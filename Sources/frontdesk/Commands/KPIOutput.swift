import Foundation
import FrontdeskCore

/// How `frontdesk kpi` prints the figures: aligned text with each definition, or JSON by figure name.
enum KPIOutput {
    static func print(_ report: KPIReport, query: DashboardQuery, today: LocalDay, provider: String?, service: String?) {
        let range = query.period.range(today: today)
        let span = range.map { " (\($0.lowerBound) to \($0.upperBound))" } ?? ""
        Output.line("Period for the rates: \(query.period.label)\(query.period.name == nil ? "" : span)")
        if let provider { Output.line("Provider: \(escaped(provider))") }
        if let service { Output.line("Service: \(escaped(service))") }
        let rows = report.rows.filter { $0.kpi != .sessionsPerWeek }
        let width = rows.map { $0.kpi.title.count }.max() ?? 20
        for (kpi, value) in rows {
            Output.line()
            Output.line(kpi.title.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value.description)
            Output.line("  " + kpi.definition)
        }
        Output.line()
        Output.line("\(KPI.sessionsPerWeek.title): `frontdesk kpi --weeks`")
        Output.line("  " + KPI.sessionsPerWeek.definition)
    }

    static func printWeeks(_ weeks: [WeekSessions]) {
        Output.line("week of       completed  booked  no-show")
        for week in weeks {
            let s = week.sessions
            Output.line("\(week.weekStart)  " + pad(s.completed, 9) + "  " + pad(s.booked, 6) + "  " + pad(s.noShow, 7))
        }
    }

    static func json(_ report: KPIReport, query: DashboardQuery, today: LocalDay) -> [String: Any] {
        let range = query.period.range(today: today)
        var figures: [String: Any] = [:]
        for (kpi, value) in report.rows {
            switch value {
            case .count(let n):
                figures[kpi.rawValue] = n
            case let .ratio(numerator, denominator):
                var object: [String: Any] = ["rate": value.rate.map { ($0 * 10_000).rounded() / 10_000 } as Any? ?? NSNull(),
                                             "numerator": numerator, "denominator": denominator, "text": value.description]
                if kpi == .completionRate || kpi.strategy != nil && kpi.rawValue.hasPrefix("completion") {
                    let closed = kpi.strategy.map { report.counts.closed[$0] ?? ClosedTreatments() } ?? report.counts.allClosed
                    object["completed"] = closed.completed
                    object["cancelled"] = closed.cancelled
                    object["ended_early"] = closed.endedEarly
                    object["expired"] = closed.expired
                }
                figures[kpi.rawValue] = object
            case .sessions(let counts):
                figures[kpi.rawValue] = sessionsJSON(counts)
            case .weeks(let weeks):
                figures[kpi.rawValue] = weeksJSON(weeks)
            }
        }
        return [
            "period": ["name": query.period.name as Any? ?? "range", "from": range.map { "\($0.lowerBound)" } as Any? ?? NSNull(),
                       "to": range.map { "\($0.upperBound)" } as Any? ?? NSNull()],
            "provider_id": query.providerID as Any? ?? NSNull(),
            "service_id": query.serviceID as Any? ?? NSNull(),
            "figures": figures,
            "definitions": Dictionary(uniqueKeysWithValues: KPI.allCases.map { ($0.rawValue, $0.definition) }),
        ]
    }

    static func weeksJSON(_ weeks: [WeekSessions]) -> [[String: Any]] {
        weeks.map { week in sessionsJSON(week.sessions).merging(["week_start": "\(week.weekStart)"]) { a, _ in a } }
    }

    static func sessionsJSON(_ counts: SessionCounts) -> [String: Any] {
        ["booked": counts.booked, "completed": counts.completed, "no_show": counts.noShow, "cancelled": counts.cancelled]
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let text = String(n)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// Text from the database with control characters shown as escapes, never sent to the terminal.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
