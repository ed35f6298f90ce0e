import Foundation
import FrontdeskCore
import FrontdeskStore

/// The original guide's three services, verbatim, plus what the desk needs (durations, plans, providers).
public enum ClinicFixture {
    public static let dentalImplantJSON = """
    {
      "name": "Dental Implant - Complete Treatment",
      "requires_multiple_sessions": true,
      "total_sessions_required": 3,
      "multi_session_strategy": "immediate",
      "trigger_words": ["implant", "tooth implant", "dental implant"],
      "session_buffer_config": {
        "session_1_to_2_days": 14,
        "session_2_to_3_days": 30
      },
      "duration_minutes": 60,
      "price": 3500,
      "session_plan": [
        {"label": "Implant placement", "duration_minutes": 90},
        {"label": "Healing check", "duration_minutes": 30},
        {"label": "Crown installation", "duration_minutes": 60}
      ]
    }
    """

    public static let physiotherapyJSON = """
    {
      "name": "Physiotherapy Treatment Plan",
      "requires_multiple_sessions": true,
      "total_sessions_required": 8,
      "multi_session_strategy": "sequential",
      "trigger_words": ["physiotherapy", "physio", "physical therapy"],
      "session_buffer_config": {
        "minimum_days": 2,
        "maximum_days": 7,
        "recommended_days": 3
      },
      "duration_minutes": 45
    }
    """

    public static let drivingLessonsJSON = """
    {
      "name": "Driving Lessons - Starter Package (10 Lessons)",
      "requires_multiple_sessions": true,
      "total_sessions_required": 10,
      "multi_session_strategy": "flexible",
      "trigger_words": ["driving lesson", "learn to drive", "driving school"],
      "session_buffer_config": {
        "minimum_days": 0,  // Can book consecutive days
        "recommended_frequency": "2-3 per week"
      },
      "duration_minutes": 60,
      "expiry_days": 180
    }
    """

    public struct Clinic {
        public var implant: Service
        public var physio: Service
        public var driving: Service
        public var provider: Provider
        public var customer: Customer
    }

    /// One provider (Mon–Sat 08:00–20:00), the three services and a customer.
    @discardableResult
    public static func seed(_ db: AppDatabase, hours: String = "Mon-Sat 08:00-20:00") throws -> Clinic {
        let provider = try db.addProvider(name: "Dr. Keller", hours: hours)
        let implant = try db.importServices(json: dentalImplantJSON)[0].service
        let physio = try db.importServices(json: physiotherapyJSON)[0].service
        let driving = try db.importServices(json: drivingLessonsJSON)[0].service
        let customer = try db.addCustomer(name: "Marie Schmidt", phone: "+41 79 555 01 02", smsConsent: true)
        return Clinic(implant: implant, physio: physio, driving: driving, provider: provider, customer: customer)
    }
}
