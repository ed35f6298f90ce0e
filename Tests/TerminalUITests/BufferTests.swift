import Testing
@testable import TerminalUI

@Suite("Buffer")
struct BufferTests {
    @Test func writeReturnsColumnsAndMarksContinuations() {
        var buffer = Buffer(width: 10, height: 1)
        let used = buffer.write("日本x", at: 1, y: 0)
        #expect(used == 5)
        #expect(buffer[1, 0].symbol == "日")
        #expect(buffer[2, 0].isContinuation)
        #expect(buffer[5, 0].symbol == "x")
        #expect(buffer.lines() == [" 日本x    "])
    }

    @Test func combiningMarkStaysWithItsLetter() {
        var buffer = Buffer(width: 8, height: 1)
        buffer.write("Mu\u{0308}ller", at: 0, y: 0)
        #expect(buffer[1, 0].symbol == "u\u{0308}")
        #expect(buffer.lines() == ["Mu\u{0308}ller  "])
    }

    @Test func writeTruncatesWithEllipsisWhenAsked() {
        var buffer = Buffer(width: 10, height: 2)
        #expect(buffer.write("Physiotherapy", at: 0, y: 0, maxWidth: 6, ellipsis: "…") == 6)
        buffer.write("Physiotherapy", at: 0, y: 1)
        #expect(buffer.lines() == ["Physi…    ", "Physiother"])
    }

    @Test func wideCharacterThatDoesNotFitLeavesABlank() {
        var buffer = Buffer(width: 5, height: 1)
        buffer.write("abcd日", at: 0, y: 0)
        #expect(buffer.lines() == ["abcd "])
        #expect(!buffer[4, 0].isContinuation)
    }

    @Test func overwritingHalfAWideCharacterClearsTheOtherHalf() {
        var buffer = Buffer(width: 4, height: 1)
        buffer.write("日本", at: 0, y: 0)
        buffer.write("x", at: 1, y: 0)
        #expect(buffer.lines() == [" x本"])
        buffer.write("y", at: 2, y: 0)
        #expect(buffer.lines() == [" xy "])
    }

    @Test func diffReportsOnlyChangedCells() {
        var before = Buffer(width: 6, height: 2)
        before.write("hello", at: 0, y: 0)
        var after = before
        after.write("J", at: 0, y: 0)
        after.write("日", at: 2, y: 1)
        let changes = after.diff(from: before)
        #expect(changes.map { [$0.x, $0.y] } == [[0, 0], [2, 1]])
        #expect(changes[1].cell.symbol == "日")
        #expect(after.diff(from: after).isEmpty)
    }

    @Test func diffAfterResizeIsEverything() {
        let small = Buffer(width: 3, height: 2)
        let large = Buffer(width: 4, height: 2)
        #expect(large.diff(from: small).count == 8)
    }

    @Test func styleIsKeptPerCell() {
        var buffer = Buffer(width: 4, height: 1)
        buffer.write("ab", at: 0, y: 0, style: Style(foreground: .red, bold: true))
        #expect(buffer[0, 0].style == Style(foreground: .red, bold: true))
        #expect(buffer[2, 0].style == .plain)
    }

    /// Mixed scripts in a table: every column starts at the same terminal column.
    @Test func wideTextKeepsTableColumnsAligned() {
        let table = Table(
            columns: [
                .init("Customer", width: .fixed(12)),
                .init("Service", width: .fixed(10)),
                .init("Done", width: .fixed(4), alignment: .right),
            ],
            rows: [
                Table.Row(texts: ["Müller", "Massage", "1/3"]),
                Table.Row(texts: ["山田太郎", "Implant", "2/3"]),
                Table.Row(texts: ["Zoë 👩‍⚕️", "Physio", "0/5"]),
            ],
            showsHeader: false
        )
        var buffer = Buffer(width: 30, height: 3)
        buffer.render(table, in: buffer.area, theme: .standard)
        #expect(buffer.lines() == [
            "Müller       Massage     1/3  ",
            "山田太郎     Implant     2/3  ",
            "Zoë 👩‍⚕️       Physio      0/5  ",
        ])
        for line in buffer.lines() { #expect(TextWidth.width(of: line) == 30) }
    }

    @Test func rectSplitsAddUp() {
        let area = Rect(width: 80, height: 24)
        let rows = area.rows([.fixed(1), .fill, .fixed(1), .fixed(1)])
        #expect(rows.map(\.height) == [1, 21, 1, 1])
        #expect(rows.map(\.y) == [0, 1, 22, 23])
        let columns = area.columns([.fixed(20), .fill(2), .fill(1)], spacing: 1)
        #expect(columns.map(\.width) == [20, 39, 19])
        #expect(columns.map(\.x) == [0, 21, 61])
        #expect(area.inset(by: 1) == Rect(x: 1, y: 1, width: 78, height: 22))
        #expect(area.centered(width: 40, height: 10) == Rect(x: 20, y: 7, width: 40, height: 10))
    }

    @Test func stylePatchLayersColoursAndAccumulatesEmphasis() {
        let base = Style(foreground: .green, background: .black, bold: true)
        let patched = base.patched(with: Style(background: .cyan, reverse: true))
        #expect(patched == Style(foreground: .green, background: .cyan, bold: true, reverse: true))
    }

    @Test func colourNamesParse() {
        #expect(Color(name: "bright-red") == .brightRed)
        #expect(Color(name: "bright_red") == .brightRed)
        #expect(Color(name: "brightRed") == .brightRed)
        #expect(Color(name: "Cyan") == .cyan)
        #expect(Color(name: "default") == .default)
        #expect(Color(name: "208") == .indexed(208))
        #expect(Color(name: "color17") == .indexed(17))
        #expect(Color(name: "teal") == nil)
        #expect(Color(name: "256") == nil)
    }

    @Test func aTableCellWithAHugeValueShowsWhatFits() {
        let name = String(repeating: "Massage ", count: 500_000)
        let table = Table(columns: [.init("Service"), .init("Price", width: .fixed(5))], rows: [Table.Row(texts: [name, "90"])])
        var buffer = Buffer(width: 20, height: 2)
        buffer.render(table, in: buffer.area, theme: .monochrome)
        #expect(buffer.lines() == ["Service        Price", "Massage Massa… 90   "])
        var written = Buffer(width: 10, height: 1)
        do { let got = written.write(name, at: 0, y: 0); #expect(got == 10) }
        #expect(written.lines() == ["Massage Ma"])
    }
}
