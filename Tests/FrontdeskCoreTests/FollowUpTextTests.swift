import Foundation
import Testing
@testable import FrontdeskCore

@Suite struct FollowUpTextTests {
    let cal = Fixture.zurich

    @Test func confirmationListsEverySessionWithDateTimeAndLabel() {
        let plan = SchedulePlanner.immediate(service: Fixture.dentalImplant, gaps: Fixture.implantGaps,
                                             firstStart: Fixture.at(2026, 3, 10, 14), schedule: Fixture.weekdays,
                                             calendar: cal)
        let sessions = plan.sessions.map {
            SessionSnapshot(number: $0.number, status: .confirmed, start: $0.start, end: $0.end, label: $0.label)
        }
        let text = FollowUpText.confirmation(serviceName: "Dental Implant", noun: "Session", totalSessions: 3,
                                             sessions: sessions.reversed(), calendar: cal)
        #expect(text == """
            All 3 sessions of your Dental Implant are confirmed:
            Session 1 of 3: Tuesday, March 10 at 14:00 - Implant placement
            Session 2 of 3: Tuesday, March 24 at 14:00 - Healing check
            Session 3 of 3: Thursday, April 23 at 14:00 - Crown installation
            You'll receive a reminder 24 hours before each appointment.
            """)
    }

    @Test func flexibleConfirmationSaysWhatIsLeft() {
        let lessons = [(1, 2), (2, 4), (3, 6)].map { number, day in
            SessionSnapshot(number: number, status: .confirmed, start: Fixture.at(2026, 3, day, 17),
                            end: Fixture.at(2026, 3, day, 18), label: "Lesson \(number) of 10")
        }
        let text = FollowUpText.confirmation(serviceName: "Driving Lessons", noun: "Lesson", totalSessions: 10,
                                             sessions: lessons, remaining: 7, calendar: cal)
        #expect(text.contains("Lesson 1 of 10: Monday, March 2 at 17:00\n"))
        #expect(text.contains("Lesson 3 of 10: Friday, March 6 at 17:00\n"))
        #expect(text.contains("You have 7 lessons remaining. Book more anytime!"))
        #expect(!text.contains(" - Lesson"))
    }

    @Test func reminderSaysTomorrowAndTheTime() {
        let session = SessionSnapshot(number: 2, status: .confirmed, start: Fixture.at(2026, 3, 24, 14),
                                      end: Fixture.at(2026, 3, 24, 14, 30), label: "Session 2 of 3")
        #expect(FollowUpText.reminder(noun: "Session", session: session, totalSessions: 3,
                                      now: Fixture.at(2026, 3, 23, 14), calendar: cal)
                == "Reminder: Session 2 of 3 tomorrow at 14:00.")
        #expect(FollowUpText.reminder(noun: "Session", session: session, totalSessions: 3,
                                      now: Fixture.at(2026, 3, 24, 8), calendar: cal)
                == "Reminder: Session 2 of 3 today at 14:00.")
        var labelled = session
        labelled.label = "Healing check"
        #expect(FollowUpText.reminder(noun: "Session", session: labelled, totalSessions: 3,
                                      now: Fixture.at(2026, 3, 21, 9), calendar: cal)
                == "Reminder: Session 2 of 3 on Tuesday, March 24 at 14:00 - Healing check.")
    }

    @Test func progressMilestones() {
        #expect(FollowUpText.progress(noun: "Session", completed: 2, totalSessions: 10)
                == "Session 2 of 10 complete! You have 8 sessions remaining.")
        #expect(FollowUpText.progress(noun: "Session", completed: 5, totalSessions: 10)
                == "Milestone! You're halfway through - 5 of 10 sessions complete, 5 to go!")
        #expect(FollowUpText.progress(noun: "Session", completed: 9, totalSessions: 10)
                == "Almost there! Session 9 of 10 complete. Just 1 more to go!")
        #expect(FollowUpText.progress(noun: "Lesson", completed: 4, totalSessions: 9)
                == "Lesson 4 of 9 complete! You have 5 lessons remaining.")
        #expect(FollowUpText.progress(noun: "Session", completed: 1, totalSessions: 2).contains("Just 1 more to go!"))
        #expect(FollowUpText.progress(noun: "Session", completed: 1, totalSessions: 2).contains("halfway"))
    }

    @Test func completionOffersWhatComesNext() {
        let text = FollowUpText.completion(serviceName: "Physiotherapy Treatment Plan", noun: "Session", totalSessions: 10)
        #expect(text.hasPrefix("Congratulations! You've completed all 10 sessions of your Physiotherapy Treatment Plan!"))
        #expect(text.contains("follow-up evaluation"))
        #expect(text.contains("another package"))
    }

    @Test func nextSessionGivesTheWindow() {
        // Physio: session 1 on Wednesday March 11; 2–7 days, ideally 3.
        let window = SchedulePlanner.sequentialWindow(after: Fixture.at(2026, 3, 11, 10), gap: Fixture.physioGap, calendar: cal)
        #expect(FollowUpText.nextSession(noun: "Session", completed: 1, totalSessions: 8, window: window, calendar: cal)
                == "Great job completing Session 1! You have 7 sessions remaining. When would you like to book Session 2? "
                + "For best results: between Fri 13 Mar and Wed 18 Mar, ideally Sat 14 Mar.")
        let open = SchedulePlanner.sequentialWindow(after: Fixture.at(2026, 3, 11, 10),
                                                    gap: SessionGap(planned: .weeks(1), minimum: .days(5), recommended: .weeks(1)),
                                                    calendar: cal)
        #expect(FollowUpText.nextSession(noun: "Session", completed: 1, totalSessions: 8, window: open, calendar: cal)
                .hasSuffix("from Mon 16 Mar, ideally Wed 18 Mar."))
    }

    @Test func overdueCheckInAndExpiry() {
        #expect(FollowUpText.overdue(noun: "Session", lastCompleted: 3, lastSessionStart: Fixture.at(2026, 3, 10, 17),
                                     now: Fixture.at(2026, 3, 20, 9), calendar: cal)
                == "It's been 10 days since Session 3. Book Session 4 soon for best results!")
        #expect(FollowUpText.checkIn(noun: "Lesson", remaining: 5)
                == "You have 5 lessons remaining in your package. Would you like to schedule more?")
        #expect(FollowUpText.checkIn(noun: "Lesson", remaining: 1).hasPrefix("You have 1 lesson remaining"))
        #expect(FollowUpText.expiry(noun: "Session", daysLeft: 30, remaining: 5)
                == "Your package expires in 30 days. 5 sessions still available!")
        #expect(FollowUpText.expiry(noun: "Massage", daysLeft: 1, remaining: 1)
                == "Your package expires tomorrow. 1 massage still available!")
        #expect(FollowUpText.plural("Massage", 2) == "massages" && FollowUpText.plural("Class", 3) == "classes"
                && FollowUpText.plural("Therapy", 2) == "therapies")
    }

    @Test func wordingIgnoresTheLocale() {
        #expect(DateWording.time12(minuteOfDay: 0) == "12:00 AM")
        #expect(DateWording.time12(minuteOfDay: 12 * 60 + 30) == "12:30 PM")
        #expect(DateWording.time12(minuteOfDay: 18 * 60) == "6:00 PM")
        #expect(DateWording.longDay(Fixture.day(2026, 3, 10)) == "Tuesday, March 10")
        #expect(DateWording.shortDay(Fixture.day(2026, 3, 6)) == "Fri 6 Mar")
    }
}

@Suite struct MessageTemplateTests {
    let zurich = ClinicCalendar(identifier: "Europe/Zurich")!

    @Test func placeholdersAreFilledWithA24HourClockAndTheClinicsName() throws {
        let start = try #require(zurich.parseISO8601("2026-03-10T14:30"))
        let fields = MessageFields(customer: "Zoë Keller", service: "Physiotherapy", session: 2, total: 8, start: start,
                                   provider: "Dr. Keller", message: "Reminder: Session 2 of 8 tomorrow at 14:30.")
        let templates = MessageTemplates(clinicName: "Praxis Seefeld",
                                         byKind: [.reminder: "{clinic}: Hi {customer}, {service} {session}/{total} on {date} at {time} with {provider}. {unknown}"])
        #expect(templates.render(.reminder, fields, calendar: zurich)
                == "Praxis Seefeld: Hi Zoë Keller, Physiotherapy 2/8 on Tuesday, March 10 at 14:30 with Dr. Keller. {unknown}")
        #expect(templates.render(.confirmation, fields, calendar: zurich) == "Praxis Seefeld: Reminder: Session 2 of 8 tomorrow at 14:30.")
        #expect(MessageTemplates().render(.confirmation, fields, calendar: zurich) == "Reminder: Session 2 of 8 tomorrow at 14:30.")
        #expect(MessageTemplates.unknownPlaceholder(in: "{costumer} {time}") == "costumer")
        #expect(MessageTemplates.unknownPlaceholder(in: "{customer} {time}") == nil)
    }

    @Test func quietHoursSpanMidnight() throws {
        let hours = QuietHours()
        #expect(hours.contains(try #require(zurich.parseISO8601("2026-03-10T20:00")), calendar: zurich))
        #expect(hours.contains(try #require(zurich.parseISO8601("2026-03-10T07:59")), calendar: zurich))
        #expect(!hours.contains(try #require(zurich.parseISO8601("2026-03-10T08:00")), calendar: zurich))
        #expect(!hours.contains(try #require(zurich.parseISO8601("2026-03-10T19:59")), calendar: zurich))
        #expect(QuietHours.parse("22:00-06:30") == QuietHours(start: 22 * 60, end: 6 * 60 + 30))
        #expect(QuietHours.parse("off").map { $0.contains(Date(), calendar: zurich) } == false)
        #expect(QuietHours.parse("25:00-06:00") == nil)
    }

    @Test func phoneNumbersNormaliseToOneForm() {
        for typed in ["079 963 78 17", "+41 79 963 78 17", "0041 79 963 78 17", "0799637817", "+41 (79) 963-78-17"] {
            #expect(PhoneNumber.normalised(typed, defaultCountryCode: "41") == "41799637817", "\(typed)")
        }
        #expect(PhoneNumber.normalised("079 963 78 17") == "0799637817")
        #expect(PhoneNumber.searchPrefixes("79 963", defaultCountryCode: "41") == ["79963", "4179963"])
        #expect(throws: PhoneNumber.Problem.forbiddenCharacter("a")) { try PhoneNumber.validate("abc") }
        #expect(throws: PhoneNumber.Problem.misplacedPlus) { try PhoneNumber.validate("079+963") }
        #expect(throws: EmailAddress.Problem.atSigns(2)) { try EmailAddress.validate("a@b@c") }
    }
}
