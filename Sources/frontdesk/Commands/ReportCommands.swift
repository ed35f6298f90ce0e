import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskStore

struct KPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kpi", abstract: "The dashboard figures, each defined once.")
    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Print JSON: every figure by name; rates as 0–1 (null when nothing is measured yet).") var json = false

    func run() throws {
        let db = try database.open()
        let report = try store { () throws(StoreError) in try db.kpiReport() }
        if json {
            var object: [String: Any] = [:]
            var details: [String: Any] = [:]
            for (kpi, value) in report.rows {
                switch value {
                case let .count(count):
                    object[kpi.rawValue] = count
                case let .ratio(numerator, denominator):
                    object[kpi.rawValue] = value.rate.map { ($0 * 10_000).rounded() / 10_000 } as Any? ?? NSNull()
                    details[kpi.rawValue] = ["numerator": numerator, "denominator": denominator]
                }
            }
            object["rate_counts"] = details
            Output.json(object)
            return
        }
        let width = report.rows.map { $0.kpi.title.count }.max() ?? 20
        for (kpi, value) in report.rows {
            Output.line(kpi.title.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                        + value.description.padding(toLength: 18, withPad: " ", startingAt: 0) + "  " + kpi.definition)
        }
    }
}

