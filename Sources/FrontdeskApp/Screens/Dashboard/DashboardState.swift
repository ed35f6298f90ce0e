import Foundation
import FrontdeskCore
import TerminalUI

/// The list behind a tile, while it is open.
public struct DashboardListState: Sendable, Equatable {
    public var kind: KPIList
    /// Nil until the first answer.
    public var rows: KPIListRows?
    public var selected = 0
    public var scrollOffset = 0

    /// Rows read for one list at most; the header says when there were more.
    public static let limit = 500

    public init(kind: KPIList) {
        self.kind = kind
    }

    public var count: Int {
        switch rows {
        case .treatments(let list)?: return list.count
        case .sessions(let list)?: return list.count
        case nil: return 0
        }
    }

    /// The treatment of the row under the cursor (a single appointment has none).
    public var selectedGroupID: String? {
        switch rows {
        case .treatments(let list)?: return list.indices.contains(selected) ? list[selected].groupID : nil
        case .sessions(let list)?: return list.indices.contains(selected) ? list[selected].sessionGroupID : nil
        case nil: return nil
        }
    }

    /// The session under the cursor of today's list.
    public var selectedBooking: Booking? {
        guard case .sessions(let list)? = rows, list.indices.contains(selected) else { return nil }
        return list[selected]
    }

    /// A stable key of the row under the cursor, to keep it selected when the list is read again.
    var selectedKey: String? {
        switch rows {
        case .treatments(let list)?: return list.indices.contains(selected) ? list[selected].id : nil
        case .sessions(let list)?: return list.indices.contains(selected) ? "b:\(list[selected].id)" : nil
        case nil: return nil
        }
    }

    /// The row keys in order (see `selectedKey`).
    var keys: [String] {
        switch rows {
        case .treatments(let list)?: return list.map(\.id)
        case .sessions(let list)?: return list.map { "b:\($0.id)" }
        case nil: return []
        }
    }
}

/// Which part has the keys while a list is open.
public enum DashboardFocus: Sendable, Equatable { case list, treatment }

/// Everything the Dashboard shows, as plain data.
public struct DashboardState: Sendable, Equatable {
    /// The period of the rates and the provider and service filter.
    public var query = DashboardQuery()
    public var report: KPIReport?
    /// True while the figures for `query` are being read (the old ones stay on screen meanwhile).
    public var isLoading = true
    /// The tile under the cursor (an index into `DashboardTile.allCases`).
    public var selectedTile = 0
    public var list: DashboardListState?
    public var open: OpenTreatment?
    public var focus: DashboardFocus = .list
    /// The session dialogs (complete, move, cancel, no-show, notes, book next).
    public var desk = SessionDesk(refusalKeys: RefusalKeys(keymap: DashboardKeymap.all.erased))
    public var filterForm: DashboardFilterForm?
    public var providers: [Provider] = []
    public var services: [Service] = []

    public init() {}

    public var tile: DashboardTile { DashboardTile.allCases[min(selectedTile, DashboardTile.allCases.count - 1)] }

    /// The provider's name when the figures are filtered by one.
    public var providerName: String? { query.providerID.flatMap { id in providers.first { $0.id == id }?.name } }
    public var serviceName: String? { query.serviceID.flatMap { id in services.first { $0.id == id }?.name } }

    /// Where the keys go, for the legend and the dispatcher.
    public var place: DashboardPlace {
        if desk.dialog != nil { return .dialog }
        if filterForm != nil { return .filter }
        if list != nil { return open != nil && focus == .treatment ? .treatment : .list }
        return .tiles
    }
}

/// Where the Dashboard's keys go.
public enum DashboardPlace: Sendable, Equatable { case tiles, list, treatment, filter, dialog }
