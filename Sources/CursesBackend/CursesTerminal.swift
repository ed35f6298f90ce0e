import CNCursesw
import CursesSignals
import Glibc
import TerminalUI

/// The real terminal, through ncursesw: the only place the app talks to ncurses.
/// Draws `Buffer`s by difference, reads keys, and turns signals and hangups into a clean exit.
public final class CursesTerminal {
    var screen: OpaquePointer?
    var previous: Buffer?
    var needsFullRedraw = true
    var colorPairs: [ColorPairKey: Int16] = [:]
    var nextColorPair: Int16 = 1
    var fastErrors = 0
    var hungUp = false
    /// Escape sequences and bracketed paste, decoded whatever TERM says.
    var decoder = KeySequenceDecoder()
    /// Keys decoded but not yet handed out (one read can complete two: Esc, then a letter).
    var pendingKeys: [Key] = []
    /// The read timeout last given to ncurses, so it is set only when it changes.
    var currentTimeout: Int32 = -2
    /// Whether the rest of a paste may be read past ncurses (the locale is UTF-8; see CursesPasteReader).
    var readsPasteDirectly = false

    /// True when the terminal can show colours (decided in `start`).
    public private(set) var colorsAvailable = false

    /// How text reaches the terminal: UTF-8, or ASCII when no UTF-8 locale exists (decided in `start`).
    public private(set) var textMode = TerminalTextMode.utf8

    /// True while the screen is set up and not yet restored.
    public private(set) var isRunning = false

    public init() {}

    deinit { stop() }

    /// Nil when stdin/stdout are a terminal that terminfo knows; otherwise a one-line reason.
    /// Call before `start`, so an unusable TERM gives a friendly message instead of ncurses exiting.
    public static func checkTerminal(environment: [String: String]? = nil) -> String? {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            return "Frontdesk needs an interactive terminal; for scripts use the command-line subcommands instead."
        }
        let term: String
        if let environment {
            term = environment["TERM"] ?? ""
        } else {
            term = getenv("TERM").map { String(cString: $0) } ?? ""
        }
        guard !term.isEmpty else {
            return "TERM is not set, so the terminal type is unknown; set it (for example TERM=xterm-256color) and start again."
        }
        switch fd_check_terminal(term) {
        case 1: return nil
        case 2:
            return "The terminal type \"\(term)\" cannot move the cursor, which the full-screen application needs; use a terminal such as xterm-256color (TERM=xterm-256color), or the command-line subcommands."
        case -1: return "No terminal database (terminfo) was found; install the ncurses-base package or set TERMINFO."
        default: return "The terminal type \"\(term)\" is unknown on this machine; try TERM=xterm-256color."
        }
    }

    /// Takes over the terminal: full screen, no echo, keypad keys, hidden cursor, colours if any.
    public func start() throws(TerminalError) {
        guard !isRunning else { return }
        if let problem = CursesTerminal.checkTerminal() { throw .unusable(problem) }
        // Without a UTF-8 locale ncurses garbles or drops every letter beyond ASCII.
        textMode = TerminalTextMode.adopt()
        // Before newterm changes them: a crash puts these settings back.
        fd_signals_save_terminal()
        guard let screen = fd_newterm() else { throw .unusable("The terminal could not be initialised.") }
        self.screen = screen
        set_term(screen)
        cbreak()
        noecho()
        nonl()
        keypad(fd_stdscr(), true)
        intrflush(fd_stdscr(), false)
        curs_set(0)
        // The default one-second Esc delay makes "Esc goes back" feel broken.
        _ = fd_set_escdelay(25)
        colorsAvailable = has_colors()
        if colorsAvailable {
            start_color()
            use_default_colors()
        }
        // After newterm: ncurses installs its own handlers there, and ours must win.
        CursesTerminal.prepareCrashRestore()
        fd_signals_install()
        // Pasted text then arrives between ESC [200~ and ESC [201~, so it can never act as keys.
        CursesTerminal.writeToTerminal(CursesTerminal.bracketedPasteOn)
        isRunning = true
        hungUp = false
        previous = nil
        needsFullRedraw = true
        colorPairs = [:]
        nextColorPair = 1
        decoder = KeySequenceDecoder()
        pendingKeys = []
        currentTimeout = -2
        readsPasteDirectly = CursesTerminal.localeIsUTF8()
    }

    /// Restores the terminal; safe to call more than once and after a hangup.
    public func stop() {
        guard isRunning else { return }
        isRunning = false
        endwin()
        if let screen {
            delscreen(screen)
            self.screen = nil
        }
        CursesTerminal.writeToTerminal(CursesTerminal.bracketedPasteOff)
        fd_signals_uninstall()
    }

    /// Columns and rows of the terminal now.
    public var size: (width: Int, height: Int) {
        guard isRunning else { return (0, 0) }
        var rows: Int32 = 0, columns: Int32 = 0
        fd_getmaxyx(fd_stdscr(), &rows, &columns)
        return (Int(columns), Int(rows))
    }

    /// True after SIGTERM, SIGINT or SIGHUP, or once the terminal has hung up: leave the loop.
    public var shouldQuit: Bool { fd_signals_quit_signal() != 0 || hungUp }

    /// The signal that ended the session (SIGHUP as well when the terminal hung up without one), nil
    /// when the user quit: the process then exits with 128 plus it, as shells report a killed program.
    public var quitSignal: Int32? {
        let received = fd_signals_quit_signal()
        if received != 0 { return received }
        return hungUp ? SIGHUP : nil
    }

    /// Forces the next `draw` to repaint every cell (after a resize or when the screen was disturbed).
    public func invalidate() {
        needsFullRedraw = true
    }
}

/// Why the terminal cannot be used.
public enum TerminalError: Error, CustomStringConvertible, Equatable {
    case unusable(String)

    public var description: String {
        switch self {
        case .unusable(let reason): return reason
        }
    }
}
