import Foundation
import FrontdeskCore
import FrontdeskRuntime
import FrontdeskStore

// The scripting contract's shapes for the customer card, the notify payload and a sending run: the
// card is the customer's own shape with its treatments, bookings and follow-ups beside it.

/// `customer show --json`: the customer with every treatment, upcoming and past bookings and pending follow-ups.
struct CustomerCardJSON: Encodable {
    var customer: CustomerJSON
    var treatments: [TreatmentJSON]
    var upcoming: [BookingJSON]
    var past: [BookingJSON]
    var pendingFollowUps: [FollowUpJSON]

    init(_ card: CustomerCard, calendar: ClinicCalendar, now: Date) {
        customer = CustomerJSON(card.customer)
        treatments = card.treatments.map { TreatmentJSON($0, calendar: calendar, now: now) }
        upcoming = card.upcoming.map { BookingJSON($0, calendar: calendar) }
        past = card.past.map { BookingJSON($0, calendar: calendar) }
        pendingFollowUps = card.pendingFollowUps.map { FollowUpJSON($0, calendar: calendar) }
    }

    enum CodingKeys: String, CodingKey { case treatments, upcoming, past, pendingFollowUps = "pending_follow_ups" }

    func encode(to encoder: any Encoder) throws {
        try customer.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(treatments, forKey: .treatments)
        try c.encode(upcoming, forKey: .upcoming)
        try c.encode(past, forKey: .past)
        try c.encode(pendingFollowUps, forKey: .pendingFollowUps)
    }
}

/// The notify command's input: the follow-up's one shape, its text rendered when it is sent.
func notifyPayload(_ delivery: FollowUpDelivery, text: String, calendar: ClinicCalendar) -> Data {
    var followUp = FollowUpJSON(delivery.followUp, calendar: calendar)
    followUp.text = text
    return Output.encodedJSON(followUp, pretty: false)
}

/// What `followups --send --json` prints.
struct SendReportJSON: Encodable {
    var sent: [Int64]
    var failed: [Failure]
    @Nullable var heldUntil: String?
    var toCall: Int

    struct Failure: Encodable {
        var id: Int64
        var reason: String
    }

    enum CodingKeys: String, CodingKey { case sent, failed, heldUntil = "held_until", toCall = "to_call" }
}
