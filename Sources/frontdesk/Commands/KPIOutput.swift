import Foundation
import FrontdeskCore

/// How `frontdesk kpi` prints the figures as text, each with its definition (JSON: `KPISetJSON`).
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
