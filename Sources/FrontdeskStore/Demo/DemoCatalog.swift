/// The demo clinic's people and services: a dental practice, a physiotherapy practice and a driving
/// school under one roof, with the services of the original guide.
enum DemoCatalog {
    static let providers: [(name: String, hours: String)] = [
        ("Dr. Anna Keller", "Mon-Fri 08:00-18:00"),
        ("Dr. Marc Brunner", "Mon-Thu 08:00-17:00"),
        ("Lea Meier", "Mon-Fri 07:30-19:00"),
        ("Jonas Weber", "Tue-Fri 09:00-19:00; Sat 09:00-13:00"),
        ("Tom Fischer", "Mon-Fri 08:00-20:00; Sat 08:00-16:00"),
        ("Sara Rossi", "Mon-Fri 10:00-19:00"),
    ]

    /// The guide's service JSON, extended with durations, prices, plans and providers.
    static let servicesJSON = """
    [
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
        ],
        "providers": ["Dr. Anna Keller", "Dr. Marc Brunner"]
      },
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
        "duration_minutes": 45,
        "price": 960,
        "providers": ["Lea Meier", "Jonas Weber"]
      },
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
        "session_noun": "Lesson",
        "duration_minutes": 60,
        "price": 950,
        "expiry_days": 180,
        "providers": ["Tom Fischer"]
      },
      {
        "name": "Laser Hair Removal (4 sessions)",
        "requires_multiple_sessions": true,
        "total_sessions_required": 4,
        "multi_session_strategy": "immediate",
        "trigger_words": ["laser", "hair removal"],
        "session_buffer_config": {"default_months": 1},
        "duration_minutes": 45,
        "price": 800,
        "providers": ["Sara Rossi"]
      },
      {
        "name": "Personal Training Program",
        "requires_multiple_sessions": true,
        "total_sessions_required": 12,
        "multi_session_strategy": "flexible",
        "trigger_words": ["personal training", "fitness", "training"],
        "session_buffer_config": {"minimum_days": 1, "suggested_frequency": "2 per week"},
        "duration_minutes": 60,
        "price": 1080,
        "expiry_days": 90,
        "providers": ["Jonas Weber"]
      },
      {
        "name": "Dental Check-up",
        "requires_multiple_sessions": false,
        "total_sessions_required": 1,
        "multi_session_strategy": "flexible",
        "trigger_words": ["check-up", "checkup", "cleaning"],
        "duration_minutes": 30,
        "price": 150,
        "providers": ["Dr. Anna Keller", "Dr. Marc Brunner"]
      }
    ]
    """

    static let firstNames = [
        "Marie", "Thomas", "Zoë", "Lukas", "Sophie", "Noah", "Emma", "Luca", "Mia", "Elias", "Lena", "Jonas",
        "Hannah", "Leon", "Anna", "David", "Laura", "Felix", "Julia", "Nico", "Sara", "Tim", "Chiara", "Ben",
        "José", "Aylin", "Björn", "Chloé", "Dário", "Émile", "Hiroshi", "Yuki", "Priya", "Omar", "Ines", "Mateo",
    ]
    static let lastNames = [
        "Schmidt", "Weber", "Müller", "Meier", "Keller", "Huber", "Brunner", "Frei", "Baumann", "Fischer",
        "Gerber", "Steiner", "Zürcher", "Moser", "Graf", "Wyss", "Roth", "Suter", "Bühler", "Lüthi",
        "Álvarez", "Rossi", "Yılmaz", "Nakamura", "Tanaka", "Dubois", "Łukasik", "Kovač", "Nguyen", "Schäfer",
    ]
}
