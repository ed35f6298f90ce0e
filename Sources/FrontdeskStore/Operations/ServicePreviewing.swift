import Foundation
import FrontdeskCore
import GRDB

/// The example provider's calendar for the "How it works" preview: hours, absences and clinic
/// closed days, without bookings (the preview shows the rules, not one customer's week).
public struct PreviewCalendar: Sendable, Equatable {
    public var providerName: String
    public var schedule: ProviderSchedule

    /// 10:00 on the provider's next working day after `now`.
    public func defaultStart(durationMinutes: Int, after now: Date, calendar: ClinicCalendar) -> Date? {
        ServicePreview.defaultStart(schedule: schedule, durationMinutes: durationMinutes, after: now, calendar: calendar)
    }
}

extension AppDatabase {
    /// How far ahead the preview knows absences and closed days: longer than any 50-session plan
    /// the editor is likely to show.
    public static let previewHorizonDays = 800

    /// The calendar of the first provider (in booking order) among `providerIDs`, or among everyone
    /// when the list is empty, from `from` for `previewHorizonDays`. Nil when there is no provider.
    public func previewCalendar(providerIDs: [Int64], from: Date) throws(StoreError) -> PreviewCalendar? {
        try read { db in
            let active = try Row.fetchAll(db, sql: "SELECT * FROM providers WHERE active = 1 ORDER BY id").map(RowDecoding.provider)
            let candidates = providerIDs.isEmpty ? active : active.filter { providerIDs.contains($0.id) }
            guard let provider = candidates.first else { return nil }
            let until = from.addingTimeInterval(Double(Self.previewHorizonDays) * 86_400)
            let schedule = ProviderSchedule(name: provider.name, hours: provider.hours,
                                            daysOff: try Self.daysOff(db, provider: provider, from: from, to: until))
            return PreviewCalendar(providerName: provider.name, schedule: schedule)
        }
    }

    /// The "How it works" preview of a stored service, from `start` (default: 10:00 on the first
    /// provider's next working day), exactly as `book` would plan it on a free calendar.
    public func servicePreview(_ service: Service, from start: Date? = nil) throws(StoreError) -> ServicePreview {
        let now = self.now
        guard let previewCalendar = try previewCalendar(providerIDs: service.providerIDs, from: min(start ?? now, now)) else {
            throw .refused(.notBookable(.nothingToPreview(service: service.name)))
        }
        let minutes = service.definition.durationMinutes(forSession: 1)
        guard let first = start ?? previewCalendar.defaultStart(durationMinutes: minutes, after: now, calendar: calendar) else {
            throw .refused(.notBookable(.noWorkingDay(provider: previewCalendar.providerName)))
        }
        return ServicePreview.make(definition: service.definition, rules: service.bufferRules, firstStart: first,
                                   providerName: previewCalendar.providerName, schedule: previewCalendar.schedule,
                                   calendar: calendar)
    }
}
