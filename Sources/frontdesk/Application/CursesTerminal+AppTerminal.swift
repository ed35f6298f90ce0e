import CursesBackend
import FrontdeskRuntime

// The ncurses terminal already has everything the loop asks for.
extension CursesTerminal: AppTerminal {}
