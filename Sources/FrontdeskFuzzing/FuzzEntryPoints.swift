import Foundation
import FrontdeskConfiguration
import FrontdeskCore

/// What each fuzz target does with one input: run a reader of untrusted text and check what must
/// hold whatever the input. Shared by the libFuzzer executables (`Sources/Fuzz*`) and by the tests
/// that replay the seed corpus, so a crash found by fuzzing stays fixed.
public enum FuzzEntryPoints {
    /// The targets by name, as `scripts/fuzz` and the corpus folders name them.
    public static let all: [String: @Sendable (Data) -> Void] = [
        "date-input": dateInput,
        "buffer-rules": bufferRules,
        "config-toml": configurationTOML,
        "csv-rows": csvRows,
    ]

    private static let calendar = ClinicCalendar(identifier: "Europe/Zurich")!
    private static let now = Date(timeIntervalSince1970: 1_772_611_200) // 2026-03-04 09:00 in Zurich

    /// Staff dates: whatever is typed, an answer or a typed refusal; an answer reads back the same.
    @Sendable public static func dateInput(_ data: Data) {
        let text = String(decoding: data.prefix(256), as: UTF8.self)
        let parser = DateInputParser(calendar: calendar, now: now)
        if let date = try? parser.parse(text) {
            let minute = calendar.minuteOfDay(of: date)
            let again = "\(calendar.localDay(of: date)) " + String(format: "%02d:%02d", minute / 60, minute % 60)
            precondition((try? parser.parse(again)) == date, "\(text) → \(date) does not read back from \(again)")
        }
        _ = try? parser.parseDay(text)
    }

    /// Buffer-rule JSON (with comments), as services carry it, for every strategy and size.
    @Sendable public static func bufferRules(_ data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return }
        let sessions = Int(data.first ?? 0) % 60
        for strategy in [Strategy.immediate, .sequential, .flexible] {
            if let rules = try? BufferRules.parse(text, totalSessions: sessions, strategy: strategy) {
                // What was accepted is written back canonically and reads back the same.
                let again = try? BufferRules.parse(rules.canonicalJSON, totalSessions: sessions, strategy: strategy)
                precondition(again == rules, "canonical JSON of \(text) does not read back")
            }
        }
        _ = try? CommentedJSON.parse(text)
    }

    /// The configuration and theme TOML files.
    @Sendable public static func configurationTOML(_ data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return }
        _ = try? AppConfiguration.parse(text, file: "fuzz.toml")
        _ = try? ThemeLoader.parse(text, name: "fuzz")
    }

    /// CSV files (the importer's reader): either a table whose rows all have the header's width and
    /// that reads back the same once written, or a refusal naming a row within the text.
    @Sendable public static func csvRows(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        do {
            let table = try CSVReader.table(text)
            precondition(table.rows.allSatisfy { $0.count == table.header.count })
            let written = CSVWriter.row(table.header) + table.rows.map(CSVWriter.row).joined()
            let again = try CSVReader.table(written)
            precondition(again.rows == table.rows, "the rows of \(text.debugDescription) do not read back")
        } catch {
            let breaks = text.unicodeScalars.reduce(1) { $0 + ($1 == "\n" || $1 == "\r" ? 1 : 0) }
            let row: Int?
            switch error {
            case let .unterminatedQuote(r, _), let .textAfterQuote(r, _), let .quoteInUnquotedField(r, _), let .fieldCount(r, _, _): row = r
            case .empty, .emptyHeader, .duplicateHeader: row = nil
            }
            if let row { precondition(row >= 1 && row <= breaks, "\(error) is outside the text's \(breaks) rows") }
        }
    }
}
