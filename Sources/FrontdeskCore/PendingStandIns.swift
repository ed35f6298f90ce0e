// TEMPORARY stand-ins for the planning, availability and progress API until its branch merges. Delete on merge.
import Foundation
public struct TimeRange: Sendable, Hashable { public var startMinute: Int; public var endMinute: Int }
public struct WorkingHoursError: Error, Equatable, CustomStringConvertible { public var description: String { "bad hours" } }
public struct WorkingHours: Sendable, Equatable, CustomStringConvertible {
    public var days: [Weekday: [TimeRange]] = [:]
    public static func parse(_ text: String) throws(WorkingHoursError) -> WorkingHours { WorkingHours() }
    public var description: String { "Mon-Fri 08:00-18:00" }
}
public struct WeeklyPattern: Sendable, Equatable { public static func parse(_ t: String) throws -> WeeklyPattern { WeeklyPattern() } }
public struct SessionSnapshot: Sendable, Equatable { public var number: Int; public var status: BookingStatus; public var start: Date; public var end: Date; public var label: String
  public init(number: Int, status: BookingStatus, start: Date, end: Date, label: String) { self.number = number; self.status = status; self.start = start; self.end = end; self.label = label } }
public struct GroupProgress: Sendable, Equatable { public init(totalSessions: Int, sessions: [SessionSnapshot], now: Date) {} 
  public var completed = 0; public var booked = 0; public var remaining = 0; public var nextFreeNumber: Int? = nil; public var isFinished = false }
public enum SlotConflict: Sendable, Equatable, CustomStringConvertible { case inThePast; case gapTooShort(minimum: GapLength); public var description: String { "x" } }
public struct ProviderSchedule: Sendable {
  public init(hours: WorkingHours, closedDays: Set<LocalDay>, busy: [DateInterval]) {}
  public func conflict(start: Date, durationMinutes: Int, calendar: ClinicCalendar) -> SlotConflict? { nil }
  public func earliestFit(notBefore: Date, durationMinutes: Int, notAfter: Date?, calendar: ClinicCalendar, granularityMinutes: Int = 15) -> Date? { nil }
}
public struct PlannedSession: Sendable, Equatable { public var number: Int; public var label: String; public var durationMinutes: Int; public var requestedStart: Date; public var start: Date; public var end: Date; public var conflict: SlotConflict?; public var isPlaceable: Bool }
public struct SchedulePlan: Sendable, Equatable { public var sessions: [PlannedSession]; public var fitsAsRequested: Bool { true }; public var isComplete: Bool { true } }
public struct SessionWindow: Sendable, Equatable { public var earliest: Date; public var recommended: Date; public var latest: Date? }
public enum SchedulePlanner {
  public static func immediate(service: ServiceDefinition, gaps: [SessionGap], firstStart: Date, schedule: ProviderSchedule, calendar: ClinicCalendar, pinned: [Int: Date] = [:], now: Date? = nil) -> SchedulePlan { SchedulePlan(sessions: []) }
  public static func sequentialWindow(after previousStart: Date, gap: SessionGap, calendar: ClinicCalendar) -> SessionWindow { SessionWindow(earliest: previousStart, recommended: previousStart, latest: nil) }
  public static func suggestNext(window: SessionWindow, schedule: ProviderSchedule, durationMinutes: Int, calendar: ClinicCalendar, now: Date) -> Date? { nil }
  public static func flexibleSlots(pattern: WeeklyPattern, count: Int, from: Date, after lastSession: Date?, minimumGap: GapLength, schedule: ProviderSchedule, durationMinutes: Int, calendar: ClinicCalendar) -> [Date] { [] }
  public static func checkGap(previous: Date, next: Date, gap: SessionGap, calendar: ClinicCalendar) -> SlotConflict? { nil }
}
extension ProviderSchedule { public func adding(busy: DateInterval) -> ProviderSchedule { self } }
extension GroupProgress { public var cancelled: Int { 0 }; public var noShow: Int { 0 }; public var next: SessionSnapshot? { nil } }
public enum FollowUpMessages {
  public static func confirmation(group: SessionGroup?, booked: [Booking], calendar: ClinicCalendar) -> String { "confirmed" }
  public static func completion(group: SessionGroup) -> String { "done" }
  public static func progress(group: SessionGroup, completedNumber: Int, progress: GroupProgress) -> String { "progress" }
  public static func nextSession(group: SessionGroup, nextNumber: Int, window: SessionWindow, calendar: ClinicCalendar) -> String { "next" }
}
