import Foundation
import FrontdeskCore
import FrontdeskStore
import GRDB

// frontdesk-bench: the in-process measurements and the helpers `Benchmarks/run` calls.
//
//   inproc        --db F --size N --out RESULTS [--small] [--only agenda|bookings|planning|dashboard|followups]
//   data-info     --db F --size N --out RESULTS
//   calcurse      --db F --dir DIR                 writes the calcurse data folder, prints the line count
//   agenda-sql    --db F --days N                  the sqlite3 reference query
//   kpi-sql       --db F                           the plain SQL KPI query
//   hyperfine     --json F --size N --prefix P --out RESULTS
//   record        --size N --key K --value V [--unit U] [--note T] --out RESULTS
//   report        --results RESULTS [--markdown OUT] [--readme README.md] [--tools TEXT]
//
// `FRONTDESK_NOW` (ISO 8601) is the clinic's "now" for everything, as for the binary.

struct Arguments {
    var values: [String: String] = [:]
    var flags: Set<String> = []

    init(_ list: ArraySlice<String>) {
        var iterator = list.makeIterator()
        while let word = iterator.next() {
            guard word.hasPrefix("--") else { continue }
            let name = String(word.dropFirst(2))
            if ["small"].contains(name) { flags.insert(name); continue }
            values[name] = iterator.next() ?? ""
        }
    }

    func string(_ name: String) throws -> String {
        guard let value = values[name] else { throw BenchError("missing --\(name)") }
        return value
    }

    func int(_ name: String) throws -> Int {
        guard let value = Int(try string(name)) else { throw BenchError("--\(name) must be a whole number") }
        return value
    }
}

func clinicNow() throws -> Date {
    guard let text = ProcessInfo.processInfo.environment["FRONTDESK_NOW"], !text.isEmpty else { return Date() }
    guard let date = ISO8601DateFormatter().date(from: text) else { throw BenchError("FRONTDESK_NOW=\(text) is not ISO 8601") }
    return date
}

func openStore(_ path: String) throws -> AppDatabase {
    let now = try clinicNow()
    return try AppDatabase.open(path: path, clock: { now })
}

func run() throws {
    let all = CommandLine.arguments
    guard all.count >= 2 else { throw BenchError("usage: frontdesk-bench COMMAND [options] (see main.swift)") }
    let args = Arguments(all.dropFirst(2))
    switch all[1] {
    case "inproc":
        let size = try args.int("size")
        var suite = try InProcessSuite(path: try args.string("db"), size: size,
                                       budget: args.flags.contains("small") ? .small : .full, now: try clinicNow())
        log("In-process, N = \(size):")
        try suite.runAll(only: args.values["only"])
        try suite.results.appendLines(to: try args.string("out"))
    case "data-info":
        let size = try args.int("size")
        var queue = Configuration()
        queue.readonly = true
        let reader = try DatabaseQueue(path: try args.string("db"), configuration: queue)
        let (bookings, grouped, providers) = try reader.read { db -> (Int, Int, Int) in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM bookings") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM bookings WHERE is_part_of_multi_session = 1") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM providers") ?? 0)
        }
        var log = ResultLog()
        log.append(BenchResult(size: size, key: "data.bookings", value: Double(bookings), unit: "count"))
        log.append(BenchResult(size: size, key: "data.groupShare", value: 100 * Double(grouped) / Double(max(bookings, 1)), unit: "%"))
        log.append(BenchResult(size: size, key: "data.providers", value: Double(providers), unit: "count"))
        try log.appendLines(to: try args.string("out"))
        print("\(bookings) bookings, \(grouped) in treatments (\(String(format: "%.1f", 100 * Double(grouped) / Double(max(bookings, 1))))%), \(providers) providers")
    case "calcurse":
        print(try CalcurseExport.write(databasePath: try args.string("db"), folder: try args.string("dir")))
    case "agenda-sql":
        let db = try openStore(try args.string("db"))
        print(ReferenceSQL.agenda(calendar: db.calendar, now: db.now, days: try args.int("days")))
    case "kpi-sql":
        let db = try openStore(try args.string("db"))
        print(ReferenceSQL.kpis(calendar: db.calendar, now: db.now))
    case "hyperfine":
        let data = try Data(contentsOf: URL(fileURLWithPath: try args.string("json")))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let runs = object["results"] as? [[String: Any]] else { throw BenchError("not a hyperfine JSON export") }
        var log = ResultLog()
        for run in runs {
            guard let name = run["command"] as? String, let times = run["times"] as? [Double] else { continue }
            let sample = Sample(milliseconds: times.map { $0 * 1000 })
            log.append(BenchResult(size: try args.int("size"), key: try args.string("prefix") + "." + name, median: sample.median,
                                   p99: sample.p99, min: sample.min, max: sample.max, count: sample.count))
        }
        try log.appendLines(to: try args.string("out"))
    case "record":
        var log = ResultLog()
        log.append(BenchResult(size: try args.int("size"), key: try args.string("key"), value: args.values["value"].flatMap(Double.init),
                               unit: args.values["unit"], note: args.values["note"]))
        try log.appendLines(to: try args.string("out"))
    case "report":
        let results = try ResultLog.read(try args.string("results"))
        let header = MachineInfo.header(tools: args.values["tools"] ?? "")
        let text = Report(results: results).markdown(header: header)
        print(text)
        if let path = args.values["markdown"] { try text.write(toFile: path, atomically: true, encoding: .utf8) }
        if let path = args.values["readme"] { try ReadmeSection.replace(in: path, table: text) }
    default:
        throw BenchError("unknown command \(all[1])")
    }
}

do {
    try run()
} catch {
    log("frontdesk-bench: \(error)")
    exit(1)
}
