import Foundation

/// Which session numbers sessions take: new ones, and the upcoming lessons of a flexible package
/// after one moved.
public enum SessionNumbering {
    /// The numbers `count` new sessions take: the lowest numbers of 1…`totalSessions` that no live
    /// session holds (a cancelled or missed session frees its number). Nil when fewer are free.
    public static func next(count: Int, totalSessions: Int, sessions: [TimelineSession]) -> [Int]? {
        let free = freeNumbers(totalSessions: totalSessions, sessions: sessions)
        guard count <= free.count else { return nil }
        return Array(free.prefix(count))
    }

    /// The numbers of 1…`totalSessions` that no live session holds, in order.
    public static func freeNumbers(totalSessions: Int, sessions: [TimelineSession]) -> [Int] {
        let held = Set(sessions.filter { $0.status.holdsNumber }.map(\.number))
        return totalSessions < 1 ? [] : (1...totalSessions).filter { !held.contains($0) }
    }

    /// Flexible packages follow the calendar: the upcoming (confirmed) lessons share out the numbers
    /// they hold in date order; resolved lessons (completed, missed) keep theirs. Returns only the
    /// sessions whose number changes, by id.
    public static func byDate(_ sessions: [TimelineSession]) -> [Int64: Int] {
        let upcoming = sessions.filter { $0.status == .confirmed && $0.id != nil }
        let numbers = upcoming.map(\.number).sorted()
        let inOrder = upcoming.sorted { ($0.start, $0.number) < ($1.start, $1.number) }
        var changes: [Int64: Int] = [:]
        for (session, number) in zip(inOrder, numbers) where session.number != number {
            changes[session.id!] = number
        }
        return changes
    }
}
