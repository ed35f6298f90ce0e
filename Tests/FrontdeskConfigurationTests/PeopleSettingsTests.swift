import FrontdeskConfiguration
import FrontdeskCore
import Testing

/// The customer and follow-up settings of config.toml.
@Suite struct PeopleSettingsTests {
    @Test func followUpSettingsAreRead() throws {
        let configuration = try AppConfiguration.parse("""
            clinic_name = "Praxis Seefeld"
            default_country_code = "+41"
            notify_timeout = 5
            quiet_hours = "21:30-07:00"
            send_cancellation_notices = false

            [templates]
            reminder = "{clinic}: see you {date} at {time}"
            """)
        #expect(configuration.clinicName == "Praxis Seefeld")
        #expect(configuration.defaultCountryCode == "41")
        #expect(configuration.notifyTimeout == 5)
        #expect(configuration.quietHours == QuietHours(start: 21 * 60 + 30, end: 7 * 60))
        #expect(!configuration.sendCancellationNotices)
        #expect(configuration.messageTemplates.template(for: .reminder) == "{clinic}: see you {date} at {time}")
        #expect(configuration.messageTemplates.template(for: .expiry) == "{clinic}: {message}")
    }

    @Test func defaultsWhenUnset() throws {
        let configuration = try AppConfiguration.parse("")
        #expect(configuration.notifyTimeout == 30)
        #expect(configuration.quietHours == QuietHours(start: 20 * 60, end: 8 * 60))
        #expect(configuration.sendCancellationNotices)
        #expect(configuration.defaultCountryCode == nil)
    }

    @Test func badValuesNameTheLine() {
        #expect(throws: ConfigurationError.self) { try AppConfiguration.parse("quiet_hours = \"late\"") }
        #expect(throws: ConfigurationError.self) { try AppConfiguration.parse("default_country_code = \"Switzerland\"") }
        #expect(throws: ConfigurationError.self) { try AppConfiguration.parse("notify_timeout = 0") }
        do {
            _ = try AppConfiguration.parse("clinic_name = \"X\"\n[templates]\nreminder = \"Hi {costumer}\"\n")
            Issue.record("an unknown placeholder was accepted")
        } catch {
            #expect(error.line == 2)  // the [templates] table
            #expect(error.description.contains("{costumer}"))
        }
        #expect(throws: ConfigurationError.self) { try AppConfiguration.parse("[templates]\nreminders = \"x\"\n") }
    }
}
