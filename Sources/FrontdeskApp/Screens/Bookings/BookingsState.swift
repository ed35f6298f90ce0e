import Foundation
import FrontdeskCore
import TerminalUI

/// Which picture of the bookings is shown.
public enum BookingsView: Int, Sendable, Equatable, CaseIterable {
    /// One row per treatment (and per single appointment), with progress.
    case treatments
    /// Today's (or another day's) appointments in time order.
    case day
    /// A week of appointments, Monday to Sunday.
    case week

    public var title: String {
        switch self {
        case .treatments: return "Treatments"
        case .day: return "Day"
        case .week: return "Week"
        }
    }
}

/// Which pane has the keys when a treatment is open.
public enum BookingsFocus: Sendable, Equatable { case list, sessions }

/// The day or week agenda.
public struct AgendaState: Sendable, Equatable {
    public var firstDay: LocalDay
    public var bookings: [Booking] = []
    public var selected: Int = 0
    public var scrollOffset: Int = 0
    public var isLoading = true
    /// True when the day held more than one page; the screen says so.
    public var truncated = false

    /// Appointments read for one agenda at most (a very busy week shows the first ones and says so).
    public static let limit = 1000

    public init(firstDay: LocalDay) {
        self.firstDay = firstDay
    }

    public var selectedBooking: Booking? { bookings.indices.contains(selected) ? bookings[selected] : nil }
}

/// Everything the Bookings screen shows, as plain data.
public struct BookingsState: Sendable, Equatable {
    public var view: BookingsView = .treatments
    public var list = TreatmentListWindow()
    public var open: OpenTreatment?
    public var focus: BookingsFocus = .list
    public var agenda: AgendaState
    public var filter = BookingsFilter()
    /// The customer search being typed after `/`, nil when not searching.
    public var search: TextField?
    /// The session dialogs (complete, move, cancel, no-show, notes, book next).
    public var desk = SessionDesk(refusalKeys: RefusalKeys(keymap: BookingsKeymap.all.erased))
    /// The filter form, while it is open.
    public var filterForm: FilterForm?
    public var providers: [Provider] = []

    public init(today: LocalDay) {
        agenda = AgendaState(firstDay: today)
    }

    /// The session the action keys apply to right now, when it is known without loading.
    public var currentTarget: SessionTarget? {
        switch view {
        case .day, .week:
            return agenda.selectedBooking.map(SessionTarget.init(booking:))
        case .treatments:
            if focus == .sessions, let open, let session = open.selectedSession {
                return SessionTarget(session: session, in: open.group)
            }
            return list.selectedRow.flatMap(SessionTarget.init(singleRow:))
        }
    }

    /// Where the keys go, for the legend.
    public var legendContext: BookingsLegendContext {
        switch view {
        case .day, .week: return .agenda
        case .treatments:
            if focus == .sessions && open != nil { return .sessions }
            return .list(rowIsTreatment: list.selectedRow?.kind != .single)
        }
    }
}
