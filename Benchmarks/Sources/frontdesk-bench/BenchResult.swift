import Foundation

/// One measured figure: a timing sample summary (milliseconds) or a single value with its unit.
struct BenchResult: Codable {
    var size: Int
    var key: String
    var median: Double?
    var p99: Double?
    var min: Double?
    var max: Double?
    var count: Int?
    var value: Double?
    var unit: String?
    var note: String?

    init(size: Int, key: String, median: Double? = nil, p99: Double? = nil, min: Double? = nil, max: Double? = nil,
         count: Int? = nil, value: Double? = nil, unit: String? = nil, note: String? = nil) {
        self.size = size
        self.key = key
        self.median = median
        self.p99 = p99
        self.min = min
        self.max = max
        self.count = count
        self.value = value
        self.unit = unit
        self.note = note
    }
}

/// Results as JSON lines, appended by every step of `Benchmarks/run` to one file.
struct ResultLog {
    var entries: [BenchResult] = []

    mutating func append(_ result: BenchResult) { entries.append(result) }

    func appendLines(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var text = ""
        for entry in entries {
            text += String(decoding: try encoder.encode(entry), as: UTF8.self) + "\n"
        }
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw BenchError("cannot write \(path)") }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    static func read(_ path: String) throws -> [BenchResult] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let decoder = JSONDecoder()
        return try text.split(separator: "\n").map { try decoder.decode(BenchResult.self, from: Data($0.utf8)) }
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
