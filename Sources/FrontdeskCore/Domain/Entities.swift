import Foundation

/// A customer of the clinic.
public struct Customer: Sendable, Equatable, Hashable, Identifiable {
    public var id: Int64
    public var name: String
    public var phone: String?
    public var email: String?
    public var notes: String

    public init(id: Int64, name: String, phone: String? = nil, email: String? = nil, notes: String = "") {
        self.id = id
        self.name = name
        self.phone = phone
        self.email = email
        self.notes = notes
    }
}

/// Who delivers sessions: a practitioner, an instructor, a room or a car.
public struct Provider: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var hours: WorkingHours
    /// Days or ranges of days away, with their reasons, in order.
    public var absences: [ProviderAbsence]
    /// An inactive provider takes no new bookings and is not offered.
    public var isActive: Bool

    public init(id: Int64, name: String, hours: WorkingHours, absences: [ProviderAbsence] = [], isActive: Bool = true) {
        self.id = id
        self.name = name
        self.hours = hours
        self.absences = absences
        self.isActive = isActive
    }

    /// The absences as the planners see them.
    public var daysOff: [DayOff] { absences.map { $0.dayOff(who: name) } }
}

/// A service as stored: its scheduling definition plus what the desk sells and searches by.
public struct Service: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var definition: ServiceDefinition
    public var priceCents: Int?
    public var triggerWords: [String]
    public var bufferRules: BufferRules
    public var providerIDs: [Int64]
    /// A deactivated service takes no new bookings and is not offered; its treatments go on.
    public var isActive: Bool

    public init(id: Int64, definition: ServiceDefinition, priceCents: Int? = nil, triggerWords: [String] = [],
                bufferRules: BufferRules, providerIDs: [Int64] = [], isActive: Bool = true) {
        self.isActive = isActive
        self.id = id
        self.definition = definition
        self.priceCents = priceCents
        self.triggerWords = triggerWords
        self.bufferRules = bufferRules
        self.providerIDs = providerIDs
    }

    public var name: String { definition.name }
    public var strategy: Strategy { definition.strategy }
    public var totalSessions: Int { definition.totalSessions }
    public var isMultiSession: Bool { definition.requiresMultipleSessions && definition.totalSessions > 1 }

    /// The gaps between consecutive sessions, index i = between session i+1 and i+2.
    public var gaps: [SessionGap] {
        guard totalSessions > 1 else { return [] }
        return (1..<totalSessions).map { bufferRules.gap(afterSession: $0) }
    }
}

/// One appointment, with the names a screen shows next to it.
public struct Booking: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var customerID: Int64
    public var customerName: String
    public var serviceID: Int64
    public var serviceName: String
    public var providerID: Int64
    public var providerName: String
    public var start: Date
    public var end: Date
    public var status: BookingStatus
    public var sessionGroupID: String?
    public var sessionNumber: Int
    public var totalSessions: Int
    public var label: String
    public var notes: String

    public init(id: Int64, customerID: Int64, customerName: String, serviceID: Int64, serviceName: String,
                providerID: Int64, providerName: String, start: Date, end: Date, status: BookingStatus,
                sessionGroupID: String?, sessionNumber: Int, totalSessions: Int, label: String, notes: String = "") {
        self.id = id
        self.customerID = customerID
        self.customerName = customerName
        self.serviceID = serviceID
        self.serviceName = serviceName
        self.providerID = providerID
        self.providerName = providerName
        self.start = start
        self.end = end
        self.status = status
        self.sessionGroupID = sessionGroupID
        self.sessionNumber = sessionNumber
        self.totalSessions = totalSessions
        self.label = label
        self.notes = notes
    }

    public var isPartOfMultiSession: Bool { sessionGroupID != nil }

    /// A session that has ended while still confirmed: the desk has to record whether it took place.
    public func needsOutcome(now: Date) -> Bool { status == .confirmed && end <= now }

    public var snapshot: SessionSnapshot {
        SessionSnapshot(number: sessionNumber, status: status, start: start, end: end, label: label)
    }
}

/// A multi-session treatment: the group and its sessions. Progress is derived, never stored.
public struct SessionGroup: Sendable, Equatable, Identifiable {
    public var id: String
    public var customerID: Int64
    public var customerName: String
    public var serviceID: Int64
    public var serviceName: String
    public var sessionNoun: String
    public var strategy: Strategy
    public var totalSessions: Int
    public var createdAt: Date
    public var expiresAt: Date?
    public var cancelled: Bool
    public var sessions: [Booking]
    /// When the desk ended the treatment early, why, and who; nil while it runs or once completed.
    public var ended: TreatmentEnding?

    public init(id: String, customerID: Int64, customerName: String, serviceID: Int64, serviceName: String,
                sessionNoun: String, strategy: Strategy, totalSessions: Int, createdAt: Date, expiresAt: Date?,
                cancelled: Bool, sessions: [Booking], ended: TreatmentEnding? = nil) {
        self.id = id
        self.customerID = customerID
        self.customerName = customerName
        self.serviceID = serviceID
        self.serviceName = serviceName
        self.sessionNoun = sessionNoun
        self.strategy = strategy
        self.totalSessions = totalSessions
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.cancelled = cancelled
        self.sessions = sessions
        self.ended = ended
    }

    public func progress(now: Date) -> GroupProgress {
        GroupProgress(totalSessions: totalSessions, sessions: sessions.map(\.snapshot), now: now)
    }

    /// Where the treatment stands at `now` (the core's one definition, `GroupState`).
    public func state(now: Date) -> GroupState {
        GroupState.of(progress(now: now), cancelled: cancelled, ended: ended != nil, expiresAt: expiresAt, now: now)
    }
}

/// How a treatment was ended early: when, why and by whom.
public struct TreatmentEnding: Sendable, Equatable {
    public var at: Date
    public var reason: EndReason
    /// The OS user who ended it.
    public var by: String

    public init(at: Date, reason: EndReason, by: String) {
        self.at = at
        self.reason = reason
        self.by = by
    }
}
