import Foundation

/// The results table: one row per measurement, one column per data size, and the verdict against
/// the issue's targets at the largest size (they are stated for 1,000,000 bookings).
struct Report {
    enum Style { case data, inProcess, process, value }
    enum Statistic { case median, p99, value }

    struct Target {
        var statistic: Statistic
        var atMost: Double?
        var atLeast: Double?
        var text: String
    }

    struct Line {
        var key: String
        var label: String
        var style: Style
        var target: Target?
        /// A ratio of two other rows' medians ("A ÷ B").
        var ratioOf: (String, String)?
        /// A difference of two other rows' medians ("A − B"), in ms.
        var differenceOf: (String, String)?

        init(key: String, label: String, style: Style, target: Target? = nil, ratioOf: (String, String)? = nil,
             differenceOf: (String, String)? = nil) {
            self.key = key
            self.label = label
            self.style = style
            self.target = target
            self.ratioOf = ratioOf
            self.differenceOf = differenceOf
        }
    }

    struct Section {
        var title: String
        var lines: [Line]
    }

    static func le(_ v: Double, _ stat: Statistic = .median, _ text: String) -> Target { Target(statistic: stat, atMost: v, text: text) }
    static func ge(_ v: Double, _ text: String) -> Target { Target(statistic: .value, atLeast: v, text: text) }

    static let sections: [Section] = [
        Section(title: "Generated data (`frontdesk demo --bookings N`)", lines: [
            Line(key: "data.bookings", label: "bookings written", style: .data),
            Line(key: "data.groupShare", label: "bookings in treatments (3–10 sessions)", style: .data),
            Line(key: "data.providers", label: "providers", style: .data),
            Line(key: "demo.rate", label: "demo write rate", style: .value, target: ge(200_000, "≥ 200k rows/s")),
            Line(key: "demo.wall", label: "demo whole process", style: .value),
            Line(key: "calcurse.apts", label: "calcurse apts lines (verified with calcurse -Q)", style: .data),
        ]),
        Section(title: "In-process (median · p99, min–max)", lines: [
            Line(key: "inproc.bookings.scrollRow", label: "Bookings: key ↓ one row → frame", style: .inProcess, target: le(10, .p99, "p99 ≤ 10 ms")),
            Line(key: "inproc.bookings.scrollPage", label: "Bookings: PgDn one page → frame", style: .inProcess, target: le(10, .p99, "p99 ≤ 10 ms")),
            Line(key: "inproc.bookings.jumpEnd", label: "Bookings: End (last loaded row) → frame", style: .inProcess, target: le(10, .p99, "p99 ≤ 10 ms")),
            Line(key: "inproc.agenda.days1", label: "day agenda query (all rows)", style: .inProcess),
            Line(key: "inproc.agenda.days7", label: "week agenda query (all rows)", style: .inProcess),
            Line(key: "inproc.dashboard", label: "Dashboard: every figure it shows, all time (one store read)", style: .inProcess,
                 target: le(50, .median, "≤ 50 ms")),
            Line(key: "inproc.dashboard.filtered", label: "Dashboard: every figure, this month, one provider and service", style: .inProcess,
                 target: le(50, .median, "≤ 50 ms")),
            Line(key: "inproc.dashboard.lists", label: "Dashboard: the four tile lists (overdue, expiring, unscheduled, today)",
                 style: .inProcess),
            Line(key: "inproc.dashboard.firstFrame", label: "Dashboard: open → first full frame (120×40)", style: .inProcess,
                 target: le(60, .median, "≤ 60 ms")),
            Line(key: "inproc.followups", label: "due follow-ups", style: .inProcess),
            Line(key: "inproc.followups.generate", label: "working out what is due (incremental)", style: .inProcess, target: le(100, .median, "≤ 100 ms")),
            Line(key: "inproc.followups.catchupBatch", label: "write lock held per catch-up batch", style: .inProcess, target: le(10, .p99, "p99 ≤ 10 ms")),
            Line(key: "inproc.followups.queue", label: "Follow-ups screen: queue by kind + count", style: .inProcess, target: le(60, .median, "≤ 60 ms")),
            Line(key: "inproc.followups.firstFrame", label: "Follow-ups: open → first full frame (120×40)", style: .inProcess,
                 target: le(60, .median, "≤ 60 ms")),
            Line(key: "inproc.customers.firstFrame", label: "Customers: open → first full frame (120×40)", style: .inProcess,
                 target: le(60, .median, "≤ 60 ms")),
            Line(key: "inproc.customers.name", label: "Customers screen: search by name", style: .inProcess, target: le(60, .median, "≤ 60 ms")),
            Line(key: "inproc.customers.phone", label: "Customers screen: search by phone", style: .inProcess, target: le(60, .median, "≤ 60 ms")),
            Line(key: "inproc.customers.card", label: "customer card", style: .inProcess, target: le(60, .median, "≤ 60 ms")),
            Line(key: "inproc.plan50.core", label: "50-session immediate plan (core)", style: .inProcess, target: le(5, .median, "≤ 5 ms")),
            Line(key: "inproc.plan50.withRead", label: "50-session plan incl. reading availability", style: .inProcess, target: le(5, .median, "≤ 5 ms")),
        ]),
        Section(title: "Whole process, hyperfine A/B (median, min–max)", lines: [
            Line(key: "proc.agenda1.frontdesk", label: "`frontdesk agenda --days 1`", style: .process),
            Line(key: "proc.agenda1.sqlite3", label: "`sqlite3` same query", style: .process),
            Line(key: "proc.agenda1.calcurse", label: "`calcurse -Q --days 1`", style: .process),
            Line(key: "ratio.agenda1", label: "agenda 1 day: frontdesk ÷ sqlite3", style: .value, target: le(2, .value, "≤ 2×"),
                 ratioOf: ("proc.agenda1.frontdesk", "proc.agenda1.sqlite3")),
            Line(key: "ratio.agenda1.calcurse", label: "agenda 1 day: calcurse ÷ frontdesk", style: .value,
                 ratioOf: ("proc.agenda1.calcurse", "proc.agenda1.frontdesk")),
            Line(key: "proc.agenda7.frontdesk", label: "`frontdesk agenda --days 7`", style: .process),
            Line(key: "proc.agenda7.sqlite3", label: "`sqlite3` same query", style: .process),
            Line(key: "proc.agenda7.calcurse", label: "`calcurse -Q --days 7`", style: .process),
            Line(key: "ratio.agenda7", label: "agenda 7 days: frontdesk ÷ sqlite3", style: .value,
                 ratioOf: ("proc.agenda7.frontdesk", "proc.agenda7.sqlite3")),
            Line(key: "ratio.agenda7.calcurse", label: "agenda 7 days: calcurse ÷ frontdesk", style: .value,
                 ratioOf: ("proc.agenda7.calcurse", "proc.agenda7.frontdesk")),
            Line(key: "proc.kpi.frontdesk", label: "`frontdesk kpi`", style: .process, target: le(100, .median, "≤ 100 ms")),
            Line(key: "proc.kpi.version", label: "`frontdesk --version` (static binary, as installed)", style: .process,
                 target: le(10, .median, "≤ 10 ms")),
            Line(key: "diff.kpi.version", label: "kpi: `frontdesk kpi` − `frontdesk --version`", style: .value,
                 target: le(30, .value, "≤ 30 ms"), differenceOf: ("proc.kpi.frontdesk", "proc.kpi.version")),
            Line(key: "proc.kpi.sqlite3", label: "`sqlite3` plain KPI SQL", style: .process),
            Line(key: "ratio.kpi", label: "kpi: frontdesk ÷ sqlite3", style: .value, ratioOf: ("proc.kpi.frontdesk", "proc.kpi.sqlite3")),
            Line(key: "proc.firstFrame.baseline", label: "tmux session running `true` (baseline in both rows below)", style: .process),
            Line(key: "proc.firstFrame.frontdesk", label: "TUI start → first full Bookings screen (tmux 120×40)", style: .process,
                 target: le(150, .median, "≤ 150 ms")),
            Line(key: "proc.firstFrame.calcurse", label: "calcurse start → first screen (tmux 120×40)", style: .process),
            Line(key: "ratio.firstFrame", label: "first screen: calcurse ÷ frontdesk", style: .value,
                 ratioOf: ("proc.firstFrame.calcurse", "proc.firstFrame.frontdesk")),
            Line(key: "mem.frontdesk", label: "peak memory, TUI open (max RSS)", style: .value, target: le(40, .value, "≤ 40 MB")),
            Line(key: "mem.calcurse", label: "peak memory, calcurse open (max RSS)", style: .value),
        ]),
    ]

    let results: [BenchResult]
    var sizes: [Int] { Array(Set(results.map(\.size))).sorted() }

    func find(_ key: String, _ size: Int) -> BenchResult? {
        results.last { $0.key == key && $0.size == size }
    }

    func difference(_ pair: (String, String), _ size: Int) -> Double? {
        guard let a = find(pair.0, size)?.median, let b = find(pair.1, size)?.median else { return nil }
        return a - b
    }

    func ratio(_ pair: (String, String), _ size: Int) -> Double? {
        guard let a = find(pair.0, size)?.median, let b = find(pair.1, size)?.median, b > 0 else { return nil }
        return a / b
    }

    func markdown(header: String) -> String {
        var out = header + "\n"
        let sizes = self.sizes
        let largest = sizes.last ?? 0
        for section in Report.sections {
            out += "\n### \(section.title)\n\n"
            out += "| measurement | target (at 1M) | " + sizes.map { "N = \(Report.sizeLabel($0))" }.joined(separator: " | ")
                + " | at N = \(Report.sizeLabel(largest)) |\n"
            out += "|---|---|" + sizes.map { _ in "---:|" }.joined() + "---|\n"
            for line in section.lines {
                var cells: [String] = []
                for size in sizes { cells.append(cell(line, size)) }
                out += "| \(line.label) | \(line.target?.text ?? "") | " + cells.joined(separator: " | ")
                    + " | \(verdict(line, largest)) |\n"
            }
        }
        // One note per measurement, as it stood at the largest size.
        let notes = results.filter { $0.size == largest }.compactMap { r -> String? in
            guard let note = r.note, !note.isEmpty else { return nil }
            return "- `\(r.key)`: \(note)"
        }
        if !notes.isEmpty {
            out += "\nNotes:\n\n" + Array(NSOrderedSet(array: notes)).compactMap { $0 as? String }.joined(separator: "\n") + "\n"
        }
        return out
    }

    private func value(_ line: Line, _ size: Int, _ statistic: Statistic) -> Double? {
        if let pair = line.ratioOf { return ratio(pair, size) }
        if let pair = line.differenceOf { return difference(pair, size) }
        guard let r = find(line.key, size) else { return nil }
        switch statistic {
        case .median: return r.median ?? r.value
        case .p99: return r.p99
        case .value: return r.value ?? r.median
        }
    }

    private func cell(_ line: Line, _ size: Int) -> String {
        if let pair = line.ratioOf {
            return ratio(pair, size).map { String(format: "%.2f×", $0) } ?? "—"
        }
        if let pair = line.differenceOf {
            return difference(pair, size).map { ($0 < 0 ? "−" : "+") + Report.milliseconds(abs($0)) } ?? "—"
        }
        guard let r = find(line.key, size) else { return "—" }
        if r.median == nil && r.value == nil { return r.note == "not landed" ? "not landed" : "—" }
        switch line.style {
        case .data, .value:
            if let v = r.value { return Report.number(v, unit: r.unit) }
            return Report.milliseconds(r.median!)
        case .inProcess:
            return "\(Report.milliseconds(r.median!)) · p99 \(Report.milliseconds(r.p99!)) (\(Report.range(r)))"
        case .process:
            return "\(Report.milliseconds(r.median!)) (\(Report.range(r)))"
        }
    }

    private func verdict(_ line: Line, _ size: Int) -> String {
        guard let target = line.target else { return "" }
        guard let v = value(line, size, target.statistic) else { return "not measured" }
        var ok = true
        if let limit = target.atMost { ok = v <= limit }
        if let limit = target.atLeast { ok = v >= limit }
        let what: String
        switch target.statistic {
        case .p99: what = "p99 " + Report.milliseconds(v)
        case .median: what = Report.milliseconds(v)
        case .value:
            if line.ratioOf != nil {
                what = String(format: "%.2f×", v)
            } else if line.differenceOf != nil {
                what = (v < 0 ? "−" : "+") + Report.milliseconds(abs(v))
            } else {
                what = Report.number(v, unit: find(line.key, size)?.unit)
            }
        }
        return (ok ? "meets" : "**misses**") + " (\(what))"
    }

    static func sizeLabel(_ n: Int) -> String {
        if n >= 1_000_000, n % 1_000_000 == 0 { return "\(n / 1_000_000)M" }
        if n >= 1000, n % 1000 == 0 { return "\(n / 1000)k" }
        return "\(n)"
    }

    static func milliseconds(_ ms: Double) -> String {
        if ms >= 1000 { return String(format: "%.2f s", ms / 1000) }
        if ms >= 100 { return String(format: "%.0f ms", ms) }
        if ms >= 10 { return String(format: "%.1f ms", ms) }
        return String(format: "%.2f ms", ms)
    }

    static func range(_ r: BenchResult) -> String {
        guard let lo = r.min, let hi = r.max else { return "" }
        return "\(milliseconds(lo))–\(milliseconds(hi))"
    }

    static func number(_ v: Double, unit: String?) -> String {
        switch unit {
        case "rows/s": return String(format: "%.0fk rows/s", v / 1000)
        case "MB": return String(format: "%.1f MB", v)
        case "%": return String(format: "%.1f%%", v)
        case "ms": return milliseconds(v)
        default: return v == v.rounded() ? String(format: "%.0f", v) : String(format: "%.2f", v)
        }
    }
}
