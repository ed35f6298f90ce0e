import Foundation
import FrontdeskCore

/// The slice of the grouped list held in memory. With a million bookings the list is never read
/// whole: pages arrive by keyset cursor at either end and the far end is dropped, so memory and
/// scrolling cost stay the same at row 10 and at row 1,000,000.
public struct TreatmentListWindow: Sendable, Equatable {
    /// Rows fetched per page.
    public static let pageSize = 60
    /// Rows kept at most; beyond this the end away from the selection is dropped.
    public static let maximumRows = 240
    /// How close to an edge the selection may come before the next page is fetched.
    public static let prefetchMargin = 8

    public var rows: [TreatmentSummary] = []
    public var selected: Int = 0
    public var scrollOffset: Int = 0
    /// True when nothing lies before the first row (under the current filter).
    public var reachedStart = false
    /// True when nothing lies after the last row.
    public var reachedEnd = false
    /// A page is on its way; do not ask for it twice.
    public var loadingBefore = false
    public var loadingAfter = false
    /// True until the first page arrived.
    public var isLoading = true
    /// Set when the list (re)opens at a place: the rows that arrive above it are scrolled into view
    /// as far as the treatments waiting for a booking ("to book") just before it.
    public var revealsToBookAbove = false
    /// How many rows above the selection opening may reveal (fits the smallest list pane).
    public static let revealRows = 12

    public init() {}

    /// The highlighted row.
    public var selectedRow: TreatmentSummary? { rows.indices.contains(selected) ? rows[selected] : nil }

    /// Where the list starts for a receptionist: the beginning of today (everything at or after it).
    public static func startCursor(at instant: Date) -> TreatmentCursor {
        // "b:0" sorts before every row at that instant, so the page includes all of them.
        TreatmentCursor(anchor: instant, rowID: "b:0")
    }

    /// A cursor that includes every row at the first row's time, for re-reading the same place.
    public var refreshCursor: TreatmentCursor? {
        rows.first.map { TreatmentListWindow.startCursor(at: $0.anchor) }
    }

    /// Puts in a fresh page, selecting `id` when present (else the same position, clamped).
    public mutating func replace(with page: [TreatmentSummary], limit: Int, selecting id: String?, keepPosition: Bool) {
        let previous = selected
        rows = page
        isLoading = false
        loadingBefore = false
        loadingAfter = false
        reachedEnd = page.count < limit
        reachedStart = false
        if let id, let index = rows.firstIndex(where: { $0.id == id }) {
            selected = index
        } else {
            selected = keepPosition ? min(previous, max(0, rows.count - 1)) : 0
        }
        if !keepPosition {
            scrollOffset = selected
            revealsToBookAbove = true
        }
    }

    /// Adds a page after the last row; drops rows from the top when the window grows too big.
    public mutating func append(_ page: [TreatmentSummary], limit: Int) {
        loadingAfter = false
        let known = Set(rows.map(\.id))
        rows += page.filter { !known.contains($0.id) }
        reachedEnd = page.count < limit
        let excess = rows.count - TreatmentListWindow.maximumRows
        if excess > 0 {
            rows.removeFirst(excess)
            selected = max(0, selected - excess)
            scrollOffset = max(0, scrollOffset - excess)
            reachedStart = false
        }
    }

    /// Adds a page before the first row, keeping the same row selected and in the same place.
    public mutating func prepend(_ page: [TreatmentSummary], limit: Int) {
        loadingBefore = false
        let known = Set(rows.map(\.id))
        let fresh = page.filter { !known.contains($0.id) }
        rows = fresh + rows
        selected += fresh.count
        scrollOffset += fresh.count
        if revealsToBookAbove {
            revealsToBookAbove = false
            let waiting = rows.indices.filter { $0 < selected && rows[$0].kind == .group && rows[$0].state == .toBook }
            // The earliest one that still fits with the selection on screen, else the nearest.
            if let shown = waiting.first(where: { selected - $0 < Self.revealRows }) ?? waiting.last {
                scrollOffset = shown
            }
        }
        reachedStart = page.count < limit
        let excess = rows.count - TreatmentListWindow.maximumRows
        if excess > 0 {
            rows.removeLast(excess)
            selected = min(selected, rows.count - 1)
            reachedEnd = false
        }
    }

    /// Moves the selection; returns which end needs another page, if any.
    public mutating func move(by delta: Int) -> PageNeed? {
        guard !rows.isEmpty else { return nil }
        let wanted = selected + delta
        selected = min(max(0, wanted), rows.count - 1)
        return need(tryingPast: wanted)
    }

    /// Which page to fetch given where the selection is (and where it tried to go).
    public func need(tryingPast wanted: Int? = nil) -> PageNeed? {
        let target = wanted ?? selected
        if !reachedEnd, !loadingAfter, target >= rows.count - TreatmentListWindow.prefetchMargin { return .after }
        if !reachedStart, !loadingBefore, target < TreatmentListWindow.prefetchMargin { return .before }
        return nil
    }

    /// Which end of the window a new page belongs to.
    public enum PageNeed: Sendable, Equatable { case before, after }
}
