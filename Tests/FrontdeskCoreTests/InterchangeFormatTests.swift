import Foundation
import Testing
@testable import FrontdeskCore

@Suite("iCalendar and CSV formats")
struct InterchangeFormatTests {
    @Test func textIsEscapedAsRFC5545Says() {
        #expect(ICalendarWriter.escape("a,b;c\\d") == "a\\,b\\;c\\\\d")
        #expect(ICalendarWriter.escape("one\r\ntwo\nthree\rfour") == "one\\ntwo\\nthree\\nfour")
    }

    @Test func longLinesFoldAt75OctetsWithoutSplittingALetter() {
        let line = "SUMMARY:" + String(repeating: "Zoë Müller – ", count: 20)
        let folded = ICalendarWriter.fold(line)
        let physical = folded.components(separatedBy: "\r\n").dropLast()
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        // Unfolding (remove CRLF + space) gives the line back: no byte lost, no letter split.
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line + "\r\n")
        #expect(ICalendarWriter.fold("SHORT:x") == "SHORT:x\r\n")
    }

    @Test func timeZoneComponentNamesEachChangeOfOffset() {
        let zone = TimeZone(identifier: "Europe/Zurich")!
        let march = Date(timeIntervalSince1970: 1_773_000_000)  // 2026-03-08
        let lines = VTimeZone.lines(for: zone, from: march, to: march.addingTimeInterval(180 * 86_400))
        let text = lines.joined(separator: "\n")
        #expect(text.contains("BEGIN:DAYLIGHT\nDTSTART:20260329T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200"))
        #expect(text.contains("BEGIN:STANDARD\nDTSTART:20251026T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100"))
        let fixed = VTimeZone.lines(for: TimeZone(identifier: "Asia/Tokyo")!, from: march, to: march)
        #expect(fixed.contains("TZOFFSETTO:+0900") && fixed.contains("BEGIN:STANDARD"))
    }

    @Test func csvReadsQuotesEmbeddedLineBreaksAndABOM() throws {
        let text = "\u{FEFF}name,notes\r\n\"Weber, Thomas\",\"said \"\"hi\"\"\nthen left\"\r\nZoë,\r\n"
        let table = try CSVReader.table(text)
        #expect(table.header == ["name", "notes"])
        #expect(table.rows == [["Weber, Thomas", "said \"hi\"\nthen left"], ["Zoë", ""]])
    }

    @Test func csvRefusesMalformedInputNamingRowAndColumn() {
        #expect(throws: CSVError.unterminatedQuote(row: 2, column: 2)) { try CSVReader.table("a,b\nx,\"open\n") }
        #expect(throws: CSVError.fieldCount(row: 3, expected: 2, found: 3)) { try CSVReader.table("a,b\n1,2\n1,2,3\n") }
        #expect(throws: CSVError.fieldCount(row: 2, expected: 2, found: 1)) { try CSVReader.table("a,b\nonly\n") }
        #expect(throws: CSVError.textAfterQuote(row: 2, column: 1)) { try CSVReader.table("a\n\"x\"y\n") }
        #expect(throws: CSVError.quoteInUnquotedField(row: 2, column: 2)) { try CSVReader.table("a,b\n1,x\"y\n") }
        #expect(throws: CSVError.empty) { try CSVReader.table("") }
        #expect(throws: CSVError.duplicateHeader(name: "a")) { try CSVReader.table("a,a\n") }
    }

    @Test(arguments: ["plain", "with, comma", "with \"quote\"", "two\nlines", "crlf\r\nline", "", "Zoë – ü"])
    func csvWriterAndReaderRoundTrip(value: String) throws {
        let text = CSVWriter.row(["h", "k"]) + CSVWriter.row([value, "x"])
        #expect(try CSVReader.table(text).rows == [[value, "x"]])
    }

    /// A blank line is not a row, but a refusal after it still names the row a spreadsheet shows.
    @Test func aBlankLineKeepsTheRowNumbersOfTheFile() throws {
        let table = try CSVReader.table("name\r\nAnna\r\n\r\nBen\r\n")
        #expect(table.rows == [["Anna"], ["Ben"]])
        #expect(table.rowNumbers == [2, 4])
        let zurich = ClinicCalendar(identifier: "Europe/Zurich")!
        #expect(throws: ImportRefusal(row: 4, column: "name", reason: "the name is empty. Every customer needs a name.")) {
            try SpreadsheetImport(calendar: zurich).customers(try CSVReader.table("name\nAnna\n\n\" \"\n"))
        }
    }

    /// What the treatments file says of a treatment reads back as the same values.
    @Test(arguments: [GroupState.active, .completed, .ended, .cancelled, .expired])
    func aTreatmentRowReadsBackAsWritten(state: GroupState) throws {
        let zurich = ClinicCalendar(identifier: "Europe/Zurich")!
        let created = zurich.parseISO8601("2026-03-04T09:00:00+01:00")!
        let treatment = ExportedTreatment(
            id: "1f0c2a6e-8d7b-4c1e-9a3f-5b6d7e8f9a0b", customerName: "Weber, \"Tom\"", serviceName: "Driving Lessons", strategy: .flexible,
            state: state, totalSessions: 10, completed: state == .completed ? 10 : 2, booked: state == .active ? 3 : 0,
            createdAt: created, expiresAt: created.addingTimeInterval(180 * 86_400),
            completedAt: state == .completed ? created.addingTimeInterval(90 * 86_400) : nil,
            ended: state == .ended ? TreatmentEnding(at: created.addingTimeInterval(30 * 86_400), reason: .movedAway, by: "anna") : nil,
            bufferConfig: #"{"minimum_days":0,"recommended_frequency":"2-3 per week"}"#,
            sessionPlan: #"[{"duration_minutes":90,"label":"First lesson"}]"#, durationMinutes: 60)
        let text = CSVWriter.row(SpreadsheetRows.treatmentHeader) + CSVWriter.row(SpreadsheetRows.treatmentRow(treatment, calendar: zurich))
        let read = try #require(try SpreadsheetImport(calendar: zurich).treatments(try CSVReader.table(text)).first)
        #expect(read.id == treatment.id && read.customerName == treatment.customerName && read.state == state)
        #expect(read.createdAt == treatment.createdAt && read.expiresAt == treatment.expiresAt && read.completedAt == treatment.completedAt)
        #expect(read.ended == treatment.ended && read.completed == treatment.completed && read.booked == treatment.booked)
        #expect(read.bufferConfig == treatment.bufferConfig && read.durationMinutes == 60)
        let plan = try JSONDecoder().decode([SessionPlanStep].self, from: Data(try #require(read.sessionPlan).utf8))
        #expect(plan == [SessionPlanStep(label: "First lesson", durationMinutes: 90)])
    }
}
