import Foundation
import FrontdeskCore
import TerminalUI

/// A new package of a flexible service for a customer who has an active one: the flow asks the
/// store when the service is chosen and, when there is one, says so before anything is booked and
/// offers to book into it, to sell a second package, or to go back (issue 11: no second package by accident).
struct SecondPackageCheck: Sendable, Equatable {
    var customerID: Int64
    var serviceID: Int64
    /// The store has answered.
    var checked = false
    /// The customer's active package of the service, if the store found one.
    var existing: SessionGroup?
    /// Staff chose to sell a second package: the booking goes ahead with the store's consent flag.
    var sellSecond = false
    /// Staff chose to book into the existing package (its treatment is being loaded or continued).
    var intoExisting = false
    /// "Book into it, or sell a second package?" while it is open.
    var question: Dialog?

    /// "Driving Lessons package", but not "… Starter Package (10 Lessons) package".
    static func packageName(_ group: SessionGroup) -> String {
        group.serviceName.lowercased().contains("package") ? group.serviceName : "\(group.serviceName) package"
    }

    static let intoButton = "Book into it"
    static let secondButton = "Sell a second package"
    static let backButton = "Go back"

    /// The question about `group`, for `customer`; without "Book into it" when it has nothing left to book.
    static func question(about group: SessionGroup, customer: String, calendar: ClinicCalendar, now: Date) -> Dialog {
        let progress = group.progress(now: now)
        let noun = group.sessionNoun.lowercased()
        var facts = "\(progress.remaining) of \(group.totalSessions) \(noun)s left"
        if progress.booked > 0 { facts += ", \(progress.booked) booked ahead" }
        if let expires = group.expiresAt {
            facts += ", expires \(calendar.shortDayWithYear(calendar.localDay(of: expires)))"
        }
        var text = "\(customer) already has an active \(packageName(group)) (\(facts))."
        var buttons = [intoButton, secondButton, backButton]
        if progress.remaining > 0 {
            text += " Book into it, or sell a second package?"
        } else {
            text += " Every \(noun) of it is booked already. Sell a second package?"
            buttons.removeFirst()
        }
        return Dialog(title: "An active package already", message: TextWrap.lines(text, width: 64),
                      buttons: buttons, focusedButton: 0, role: .warning)
    }
}

extension BookFlow {
    /// Asks the store for the customer's active package when a new flexible package is about to be
    /// sold; nil when there is nothing to ask (continuing a treatment, another strategy, asked already).
    mutating func checkForActivePackage(_ service: Service) -> BookEffect? {
        guard !isContinuing, group == nil, service.isMultiSession, service.strategy == .flexible,
              let customer = customers.chosen else {
            packageCheck = nil
            return nil
        }
        if let check = packageCheck, check.customerID == customer.id, check.serviceID == service.id, check.checked {
            // Asked already for this customer and service: ask again unless staff chose to sell a second.
            if let existing = check.existing, !check.sellSecond {
                packageCheck?.question = SecondPackageCheck.question(about: existing, customer: customer.name,
                                                                     calendar: calendar, now: now)
            }
            return nil
        }
        packageCheck = SecondPackageCheck(customerID: customer.id, serviceID: service.id)
        return .findActivePackage(customerID: customer.id, serviceID: service.id)
    }

    /// The store's answer: open the question when the customer has an active package.
    mutating func receiveActivePackage(customerID: Int64, serviceID: Int64, group found: SessionGroup?) {
        guard let customer = customers.chosen, customer.id == customerID, services.chosen?.id == serviceID else { return }
        if packageCheck?.customerID != customerID || packageCheck?.serviceID != serviceID {
            packageCheck = SecondPackageCheck(customerID: customerID, serviceID: serviceID)
        }
        let refusedAtBooking = isBooking
        isBooking = false
        packageCheck?.checked = true
        packageCheck?.existing = found
        packageCheck?.sellSecond = false
        guard let found else {
            if refusedAtBooking { status = .info("The other package changed meanwhile. Press Enter to book again.") }
            return
        }
        packageCheck?.question = SecondPackageCheck.question(about: found, customer: customer.name, calendar: calendar, now: now)
        if refusedAtBooking { status = .warning("Nothing was booked: \(customer.name) has had a package sold meanwhile.") }
    }

    /// A key while the question is open.
    mutating func handleSecondPackage(_ key: Key) -> [BookEffect] {
        guard var check = packageCheck, var dialog = check.question else { return [] }
        switch keymap.action(for: key) {
        case .intoExisting?:
            return bookIntoExisting()
        case .sellSecond?:
            return sellSecondPackage()
        case .back?:
            return leaveSecondPackageQuestion()
        case .accept?:
            switch dialog.focusedTitle ?? "" {
            case SecondPackageCheck.intoButton: return bookIntoExisting()
            case SecondPackageCheck.secondButton: return sellSecondPackage()
            default: return leaveSecondPackageQuestion()
            }
        case .switchButton?:
            _ = dialog.handle(key)
            check.question = dialog
            packageCheck = check
        default:
            break
        }
        return []
    }

    /// Continue the existing package: its numbering, its rules, its provider first.
    private mutating func bookIntoExisting() -> [BookEffect] {
        guard let existing = packageCheck?.existing else { return [] }
        packageCheck?.question = nil
        packageCheck?.intoExisting = true
        status = .info("Loading \(existing.customerName)'s package…")
        return [.loadTreatment(groupID: existing.id, customerID: existing.customerID, serviceID: existing.serviceID)]
    }

    private mutating func sellSecondPackage() -> [BookEffect] {
        guard let existing = packageCheck?.existing else { return [] }
        packageCheck?.question = nil
        packageCheck?.sellSecond = true
        let left = existing.progress(now: now).remaining
        status = .warning("Selling a second package of \(existing.serviceName); the active one (\(left) of \(existing.totalSessions) left) stays as it is."
            + (step == .confirm ? " Enter books it." : ""))
        return []
    }

    /// Back to the service: nothing is sold, and choosing the service again asks again.
    private mutating func leaveSecondPackageQuestion() -> [BookEffect] {
        packageCheck = nil
        status = nil
        isBooking = false
        step = .service
        return []
    }

    /// Said on the confirmation when a second package is being sold.
    var secondPackageNotice: String? {
        guard group == nil, let check = packageCheck, check.sellSecond, let existing = check.existing else { return nil }
        let left = existing.progress(now: now).remaining
        return "A second package: \(existing.customerName)'s active \(SecondPackageCheck.packageName(existing)) (\(left) of "
            + "\(existing.totalSessions) left) stays as it is."
    }

    /// The store's answer is not in yet: the provider step waits for it before the dates.
    var isCheckingPackage: Bool { packageCheck.map { !$0.checked } ?? false }
}
