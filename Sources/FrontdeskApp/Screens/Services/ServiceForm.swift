import Foundation
import FrontdeskCore
import TerminalUI

/// The fields of the service editor. The buffer pane's fields change with the strategy: one gap per
/// pair of sessions for immediate, minimum / recommended / maximum and frequency for the others.
public enum ServiceField: Hashable, Sendable {
    case name, noun, duration, price, triggers, providers
    case multi, total, strategy, strategyNote
    /// The gap between session k and k + 1 ("4 weeks").
    case gap(Int)
    case minimum, recommended, maximum, frequency
    /// Session k's label and minutes (the per-session plan).
    case planLabel(Int), planMinutes(Int)
    case expiry
    /// The example first session of the preview.
    case previewStart
}

/// Builds the editor's form from a draft and reads it back as `ServiceDraft.Fields`.
enum ServiceForm {
    static let strategies = Strategy.allCases
    static let unitWords: [GapLength.Unit: String] = [.days: "days", .weeks: "weeks", .months: "months"]

    /// The form for `values`; `hidden` keeps buffer keys the pane does not show (so saving an opened
    /// service unchanged writes nothing).
    static func make(_ values: ServiceDraft.Fields, readOnly: Bool, previewStart: String,
                     defaultGap: GapLength?) -> Form<ServiceField> {
        var fields: [Form<ServiceField>.Field] = [
            .text(.name, label: "Name", value: values.name, placeholder: "e.g. Laser Hair Removal"),
            .text(.noun, label: "Session noun", value: values.sessionNoun, placeholder: "Session"),
            .text(.duration, label: "Duration (min)", value: values.durationMinutes.map(String.init) ?? ""),
            .text(.price, label: "Price", value: values.price.map(priceText) ?? "", placeholder: "none"),
            .text(.triggers, label: "Trigger words", value: values.triggerWords.joined(separator: ", "), placeholder: "comma separated"),
            .text(.providers, label: "Providers", value: values.providerNames.joined(separator: ", "), placeholder: "everyone"),
            .choice(.multi, label: "Multi-session", options: ["no", "yes"], selected: values.requiresMultipleSessions ? 1 : 0),
        ]
        if values.requiresMultipleSessions {
            let strategyIndex = strategies.firstIndex(of: values.strategy) ?? 0
            fields += [
                .text(.total, label: "Total sessions", value: values.totalSessions.map(String.init) ?? "", placeholder: "1–50"),
                .choice(.strategy, label: "Strategy", options: strategies.map(\.rawValue), selected: strategyIndex),
                .info(.strategyNote, label: "", text: values.strategy.summary),
            ]
            let total = min(max(values.totalSessions ?? 1, 1), 50)
            switch values.strategy {
            case .immediate:
                for pair in 1..<max(total, 1) where total > 1 {
                    fields.append(.text(.gap(pair), label: "Session \(pair) → \(pair + 1)",
                                        value: gapText(values.bufferDays, pair: pair, defaultGap: defaultGap),
                                        placeholder: "e.g. 14 days or 4 weeks"))
                }
            case .sequential, .flexible:
                fields += [
                    .text(.minimum, label: "Minimum days", value: dayText(values.bufferDays["minimum_days"]), placeholder: "0"),
                    .text(.recommended, label: "Recommended days", value: dayText(values.bufferDays["recommended_days"])),
                    .text(.maximum, label: "Maximum days", value: dayText(values.bufferDays["maximum_days"]), placeholder: "none"),
                    .text(.frequency, label: "Frequency", value: values.frequency ?? "", placeholder: "e.g. 2 per week"),
                ]
                if values.strategy == .flexible {
                    fields.append(.text(.expiry, label: "Package expiry (days)", value: values.expiryDays.map(String.init) ?? "",
                                        placeholder: "never"))
                }
            }
            for session in 1...total {
                let step = session <= values.plan.count ? values.plan[session - 1] : nil
                fields.append(.text(.planLabel(session), label: "Session \(session) label", value: step?.label ?? "",
                                    placeholder: "\(values.sessionNoun.isEmpty ? "Session" : values.sessionNoun) \(session) of \(total)"))
                fields.append(.text(.planMinutes(session), label: "Session \(session) min",
                                    value: step.map { String($0.durationMinutes) } ?? "", placeholder: "default"))
            }
        }
        fields.append(.text(.previewStart, label: "Example start", value: previewStart, placeholder: "next working day 10:00"))
        return Form(fields, isReadOnly: readOnly)
    }

    /// "180", "120.50".
    static func priceText(_ price: Double) -> String {
        price == price.rounded() ? String(Int(price)) : String(format: "%.2f", price)
    }

    static func dayText(_ days: Int?) -> String { days.map(String.init) ?? "" }

    /// The gap of a pair as the pane shows it: its own key, else the default gap.
    static func gapText(_ buffer: [String: Int], pair: Int, defaultGap: GapLength?) -> String {
        for unit in GapLength.Unit.allCases {
            if let value = buffer["session_\(pair)_to_\(pair + 1)_\(unit.rawValue)"] { return amount(value, unit) }
        }
        if let defaultGap { return amount(defaultGap.value, defaultGap.unit) }
        return ""
    }

    /// "1 month", "14 days".
    static func amount(_ value: Int, _ unit: GapLength.Unit) -> String {
        let word = unitWords[unit]!
        return "\(value) \(value == 1 ? String(word.dropLast()) : word)"
    }

    /// Reads "14", "14 days", "4 w", "1 month"; nil when it is not a whole number with a unit.
    static func parseGap(_ text: String) -> GapLength? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let value = Int(digits) else { return nil }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        switch unit {
        case "", "d", "day", "days": return .days(value)
        case "w", "wk", "week", "weeks": return .weeks(value)
        case "m", "mo", "month", "months": return .months(value)
        default: return nil
        }
    }
}

/// The form read back: the fields for the core's checks, plus what the screen itself could not read
/// (text where a number belongs), keyed by field.
struct ServiceFormReading {
    var fields: ServiceDraft.Fields
    var typingProblems: [ServiceField: String]

    /// Reads `form`; `base` supplies what the form does not show (buffer keys of another pane).
    init(_ form: Form<ServiceField>, base: ServiceDraft.Fields, defaultGap: GapLength?) {
        var problems: [ServiceField: String] = [:]
        func number(_ id: ServiceField, _ what: String, optional: Bool = true) -> Int? {
            let text = form.text(id).trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return nil }
            guard let value = Int(text) else {
                problems[id] = "must be a whole number of \(what), such as \(what == "sessions" ? "4" : "14") (found “\(text)”)."
                return nil
            }
            return value
        }
        func list(_ id: ServiceField) -> [String] {
            form.text(id).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        var values = base
        values.name = form.text(.name).trimmingCharacters(in: .whitespaces)
        values.sessionNoun = form.text(.noun).trimmingCharacters(in: .whitespaces)
        values.durationMinutes = number(.duration, "minutes")
        if form.text(.duration).trimmingCharacters(in: .whitespaces).isEmpty { problems[.duration] = "is empty: type the minutes a session takes, such as 45." }
        let priceText = form.text(.price).trimmingCharacters(in: .whitespaces)
        if priceText.isEmpty {
            values.price = nil
        } else if let price = Double(priceText), price.isFinite {
            values.price = price
        } else {
            problems[.price] = "must be a number such as 180 or 120.50 (found “\(priceText)”)."
        }
        values.triggerWords = list(.triggers)
        values.providerNames = list(.providers)
        values.requiresMultipleSessions = form.selectedIndex(.multi) == 1
        if values.requiresMultipleSessions {
            values.totalSessions = number(.total, "sessions")
            if form.text(.total).trimmingCharacters(in: .whitespaces).isEmpty { problems[.total] = "is empty: type how many sessions, 1–50." }
            values.strategy = form.selectedIndex(.strategy).map { ServiceForm.strategies[$0] } ?? values.strategy
            let total = min(max(values.totalSessions ?? 1, 1), 50)
            var buffer = base.bufferDays.filter { !ServiceFormReading.paneKey($0.key, strategy: values.strategy) }
            switch values.strategy {
            case .immediate:
                // Gaps equal to the service's default keep using it; the others get their own key.
                if let defaultGap { buffer["default_\(defaultGap.unit.rawValue)"] = defaultGap.value }
                for pair in 1..<max(total, 2) where pair < total {
                    let text = form.text(.gap(pair))
                    if text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                    guard let gap = ServiceForm.parseGap(text) else {
                        problems[.gap(pair)] = "must be a whole number of days, weeks or months, such as 14 or 4 weeks (found “\(text)”)."
                        continue
                    }
                    if gap != defaultGap { buffer["session_\(pair)_to_\(pair + 1)_\(gap.unit.rawValue)"] = gap.value }
                }
                values.frequency = nil
            case .sequential, .flexible:
                buffer["minimum_days"] = number(.minimum, "days")
                buffer["recommended_days"] = number(.recommended, "days")
                buffer["maximum_days"] = number(.maximum, "days")
                let frequency = form.text(.frequency).trimmingCharacters(in: .whitespaces)
                values.frequency = frequency.isEmpty ? nil : frequency
            }
            values.bufferDays = buffer
            values.expiryDays = values.strategy == .flexible ? number(.expiry, "days") : nil
            var plan: [SessionPlanStep] = []
            let lastSet = (1...total).last { !form.text(.planLabel($0)).trimmingCharacters(in: .whitespaces).isEmpty
                || !form.text(.planMinutes($0)).trimmingCharacters(in: .whitespaces).isEmpty } ?? 0
            let noun = values.sessionNoun.isEmpty ? "Session" : values.sessionNoun
            for session in 1...max(lastSet, 1) where lastSet > 0 {
                let label = form.text(.planLabel(session)).trimmingCharacters(in: .whitespaces)
                let minutes = number(.planMinutes(session), "minutes") ?? values.durationMinutes ?? 60
                plan.append(SessionPlanStep(label: label.isEmpty ? "\(noun) \(session) of \(total)" : label, durationMinutes: minutes))
            }
            values.plan = plan
        } else {
            values.totalSessions = 1
            values.bufferDays = [:]
            values.frequency = nil
            values.plan = []
            values.expiryDays = nil
        }
        fields = values
        typingProblems = problems
    }

    /// Keys the strategy's pane edits (so a value the pane emptied is really removed).
    static func paneKey(_ key: String, strategy: Strategy) -> Bool {
        switch strategy {
        case .immediate: return key.hasPrefix("session_") || key.hasPrefix("default_")
        case .sequential, .flexible: return ["minimum_days", "recommended_days", "maximum_days"].contains(key)
        }
    }
}

extension ServiceDraft.Fields {
    /// The editor's values for a stored (or duplicated) service, and the default gap its rules use.
    init(draft: ServiceDraft) {
        let object = draft.rules.jsonObject
        var days: [String: Int] = [:]
        for (key, value) in object { if let number = value as? Int { days[key] = number } }
        self.init(name: draft.name, sessionNoun: draft.sessionNoun, durationMinutes: draft.durationMinutes,
                  price: draft.priceCents.map { Double($0) / 100 }, triggerWords: draft.triggerWords,
                  requiresMultipleSessions: draft.requiresMultipleSessions, totalSessions: draft.totalSessions,
                  strategy: draft.strategy, bufferDays: days, frequency: draft.rules.frequency?.text, plan: draft.plan,
                  expiryDays: draft.expiryDays, providerNames: draft.providerNames, frequencyKey: draft.rules.frequencyKey)
    }

    /// The default gap (`default_days`, `_weeks` or `_months`) among the buffer keys.
    var defaultGap: GapLength? {
        for unit in GapLength.Unit.allCases {
            if let value = bufferDays["default_\(unit.rawValue)"] { return GapLength(value, unit) }
        }
        return nil
    }
}
