import FrontdeskTestSupport
import Testing
import TerminalUI

/// Every widget at two sizes, in the colour and the monochrome theme (which shows ASCII marks).
@Suite("Widget snapshots")
struct WidgetSnapshotTests {
    static let themes: [Theme] = [.standard, .monochrome]

    private func snapshot(
        _ name: String, sizes: [(Int, Int)], filePath: String = #filePath,
        sourceLocation: SourceLocation = #_sourceLocation,
        draw: (inout Buffer, Theme) -> Void
    ) {
        for theme in Self.themes {
            for (width, height) in sizes {
                var buffer = Buffer(width: width, height: height)
                draw(&buffer, theme)
                assertSnapshot(buffer, named: "\(name)-\(theme.name)-\(width)x\(height)", filePath: filePath, sourceLocation: sourceLocation)
            }
        }
    }

    private func sessionsTable(_ theme: Theme, selected: Int) -> Table {
        let sessions: [(String, String, String, ThemeRole)] = [
            ("Müller", "Physiotherapy", "Mon 10.03. 09:00", .completed),
            ("山田太郎", "Dental implant", "Tue 11.03. 14:30", .confirmed),
            ("Zoë 👩‍⚕️", "Driving lesson", "Wed 12.03. 08:00", .cancelled),
            ("O'Brien-Smythe, Alexandra", "Massage", "Thu 13.03. 17:15", .noShow),
            ("Nguyễn Văn An", "Physiotherapy", "Fri 14.03. 11:00", .confirmed),
        ]
        return Table(
            columns: [
                .init("", width: .fixed(3)),
                .init("Customer", width: .flexible(2)),
                .init("Service", width: .flexible(2)),
                .init("When", width: .fixed(16)),
            ],
            rows: sessions.map { name, service, when, role in
                Table.Row([Table.Item(theme.mark(for: role), role: role), Table.Item(name), Table.Item(service), Table.Item(when, role: .dim)])
            },
            selectedIndex: selected
        )
    }

    @Test func table() {
        snapshot("table", sizes: [(80, 8), (40, 4)]) { buffer, theme in
            buffer.render(sessionsTable(theme, selected: 4), in: buffer.area, theme: theme)
        }
    }

    @Test func emptyTable() {
        snapshot("table-empty", sizes: [(40, 3), (20, 3)]) { buffer, theme in
            let t = Table(columns: [.init("Customer"), .init("Service")], rows: [], emptyMessage: "No bookings today.")
            buffer.render(t, in: buffer.area, theme: theme)
        }
    }

    @Test func progressBars() {
        snapshot("progress", sizes: [(30, 4), (12, 4)]) { buffer, theme in
            let bars = [(0, 0, 3), (1, 1, 3), (3, 0, 3), (2, 5, 10)]
            for (row, bar) in bars.enumerated() {
                buffer.render(ProgressBar(completed: bar.0, booked: bar.1, total: bar.2), in: buffer.area.row(row), theme: theme)
            }
        }
    }

    @Test func textField() {
        snapshot("textfield", sizes: [(40, 4), (16, 4)]) { buffer, theme in
            let rows = buffer.area.rows([.fixed(2), .fixed(2)])
            buffer.render(TextField(value: "tomorrow 10am"), in: rows[0], theme: theme)
            buffer.render(TextField(value: "", placeholder: "Customer name", error: "A name is needed."), in: rows[1], theme: theme)
        }
    }

    @Test func select() {
        let options = ["Immediate", "Sequential", "Flexible"]
        snapshot("select", sizes: [(30, 5), (12, 5)]) { buffer, theme in
            let rows = buffer.area.rows([.fixed(1), .fixed(1), .fill])
            buffer.render(Select(options: options, selectedIndex: 1), in: rows[0], theme: theme)
            buffer.render(Select(options: options, selectedIndex: 2, isExpanded: true), in: rows[2], theme: theme)
        }
    }

    @Test func tabs() {
        snapshot("tabs", sizes: [(80, 1), (30, 1)]) { buffer, theme in
            let tabs = Tabs(titles: ["Bookings", "Book", "Services", "Customers", "Dashboard", "Follow-ups"], activeIndex: 1)
            buffer.render(tabs, in: buffer.area, theme: theme)
        }
    }

    @Test func dialog() {
        snapshot("dialog", sizes: [(80, 24), (40, 10)]) { buffer, theme in
            let dialog = Dialog(
                title: "Cancel session?",
                message: ["Cancel session 2 of 3 for Müller", "(Physiotherapy, Tue 11.03. 14:30)?"],
                buttons: ["Keep", "Cancel session"], focusedButton: 0
            )
            buffer.render(dialog, in: buffer.area, theme: theme)
        }
    }

    @Test func tile() {
        snapshot("tile", sizes: [(24, 5), (14, 4)]) { buffer, theme in
            buffer.render(Tile(title: "Completion rate", value: "82%", caption: "41 of 50 closed"), in: buffer.area, theme: theme)
        }
    }

    @Test func barChart() {
        snapshot("barchart", sizes: [(50, 4), (24, 4)]) { buffer, theme in
            let chart = BarChart(bars: [.init("W10", 12), .init("W11", 30), .init("W12", 0), .init("W13", 7)])
            buffer.render(chart, in: buffer.area, theme: theme)
        }
    }

    @Test func statusLine() {
        snapshot("status", sizes: [(60, 3), (20, 3)]) { buffer, theme in
            buffer.render(StatusLine("Booked 3 sessions for Müller.", kind: .success), in: buffer.area.row(0), theme: theme)
            buffer.render(StatusLine("That slot is taken; choose another time.", kind: .error), in: buffer.area.row(1), theme: theme)
            buffer.render(StatusLine("Loading…", kind: .info), in: buffer.area.row(2), theme: theme)
        }
    }

    @Test func box() {
        snapshot("box", sizes: [(30, 5), (8, 3)]) { buffer, theme in
            buffer.render(Box(title: "Next session"), in: buffer.area, theme: theme)
        }
    }

    @Test func legendAndHelp() {
        snapshot("legend", sizes: [(80, 1), (40, 1)]) { buffer, theme in
            buffer.render(KeyLegend(keymap: sampleKeymap), in: buffer.area, theme: theme)
        }
        snapshot("help", sizes: [(80, 24), (40, 12)]) { buffer, theme in
            buffer.render(HelpScreen(keymap: sampleKeymap), in: buffer.area, theme: theme)
        }
    }

    @Test func tooSmallNotice() {
        snapshot("too-small", sizes: [(40, 10), (79, 24)]) { buffer, theme in
            buffer.render(TooSmallNotice(), in: buffer.area, theme: theme)
        }
        #expect(TooSmallNotice.isTooSmall(width: 79, height: 24))
        #expect(!TooSmallNotice.isTooSmall(width: 80, height: 24))
        #expect(TooSmallNotice.message(width: 40, height: 10) == "Please enlarge the window to at least 80×24 (now 40×10)")
    }
}
