import Foundation

/// When and where the figures were measured, for the table's header.
enum MachineInfo {
    static func header(tools: String) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let date = formatter.string(from: Date()) + " UTC"
        let cpu = firstValue(file: "/proc/cpuinfo", key: "model name") ?? "unknown CPU"
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?
            .split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
        var uts = utsname()
        uname(&uts)
        let kernel = withUnsafeBytes(of: &uts.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        var lines = [
            "Measured \(date) on \(cpu), \(cores) cores, \(String(format: "%.0f", memory)) GB RAM, Linux \(kernel)",
            "(load average \(load) when the report was written — the machine is shared, so timings are noisy).",
        ]
        if !tools.isEmpty { lines.append("Tools: \(tools).") }
        return lines.joined(separator: "\n")
    }

    private static func firstValue(file: String, key: String) -> String? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(key) {
            return line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }
}
