import Foundation
import FrontdeskCore

/// What the chat bot said first about a service — how many sessions, how they are booked, how far
/// apart, how long and at what price — as lines for the service step.
struct ServiceDescription: Sendable, Equatable {
    let service: Service

    private var noun: String { service.definition.sessionNoun }
    private var nouns: String { plural(noun.lowercased(), service.totalSessions) }

    /// The strategy in one line: "3 sessions, all booked now (immediate)".
    var headline: String {
        guard service.isMultiSession else {
            return "One appointment of \(service.definition.defaultDurationMinutes) min."
        }
        let total = service.totalSessions
        switch service.strategy {
        case .immediate: return "\(total) \(nouns), all booked now (immediate)."
        case .sequential: return "\(total) \(nouns), booked one at a time after each completion (sequential)."
        case .flexible: return "\(total) \(nouns) at the customer's pace: as many or as few at a time as they like (flexible)."
        }
    }

    /// The sessions and their spacing, then duration, validity and price.
    var lines: [String] {
        var lines = [headline]
        guard service.isMultiSession else {
            lines.append(priceLine)
            return lines
        }
        let definition = service.definition
        switch service.strategy {
        case .immediate:
            for number in 1...service.totalSessions {
                var line = "  \(number). \(definition.label(forSession: number)) (\(definition.durationMinutes(forSession: number)) min)"
                if number > 1 {
                    let gap = service.bufferRules.gap(afterSession: number - 1).planned
                    line += " — \(gap) after \(number == 2 ? "the first" : "session \(number - 1)")"
                }
                lines.append(line)
            }
            if let span = totalSpanDays {
                lines.append("The complete treatment takes about \(span) days from first to last session.")
            }
        case .sequential:
            lines.append(spacingLine)
            lines.append("\(durationText). The next is booked after each completion, inside that window.")
        case .flexible:
            lines.append(spacingLine)
            var line = durationText + "."
            if let days = definition.expiryDays { line += " The package is valid \(days) days." }
            lines.append(line)
        }
        lines.append(priceLine)
        return lines
    }

    /// "Sessions 2 days to 7 days apart (ideally 3 days)." / "Most book 2-3 per week; consecutive days allowed."
    var spacingLine: String {
        let gap = service.bufferRules.gap(afterSession: 1)
        let frequency = service.bufferRules.frequency?.text
        var parts: [String] = []
        if let frequency { parts.append("Most book \(frequency)") }
        if let maximum = gap.maximum {
            parts.append("\(plural(noun, 2)) \(Self.range(gap.minimum, maximum)) apart")
        } else if gap.minimum.value > 0 {
            parts.append("at least \(gap.minimum) apart")
        } else if service.strategy == .flexible {
            parts.append("consecutive days allowed")
        }
        if service.bufferRules.recommendedDays != nil, gap.recommended != gap.minimum {
            parts.append("ideally every \(gap.recommended)")
        }
        guard !parts.isEmpty else { return "No spacing rules between \(plural(noun.lowercased(), 2))." }
        var text = parts.joined(separator: ", ") + "."
        text = text.prefix(1).uppercased() + text.dropFirst()
        return text
    }

    /// "45 min each", or the plan's durations when they differ.
    var durationText: String {
        let minutes = Set((1...max(1, service.totalSessions)).map(service.definition.durationMinutes(forSession:)))
        if minutes.count == 1, let only = minutes.first { return "\(only) min each" }
        return "\(minutes.min()!)–\(minutes.max()!) min per \(noun.lowercased())"
    }

    /// "Price 3,500.00 for all 3 sessions."
    var priceLine: String {
        guard let cents = service.priceCents else { return "No price set." }
        if !service.isMultiSession { return "Price \(Self.money(cents))." }
        return "Price \(Self.money(cents)) for all \(service.totalSessions) \(nouns)."
    }

    /// Days from the first to the last session of an immediate plan, at the planned gaps.
    private var totalSpanDays: Int? {
        guard service.strategy == .immediate, service.totalSessions > 1 else { return nil }
        return (1..<service.totalSessions).map { service.bufferRules.gap(afterSession: $0).planned.approximateDays }.reduce(0, +)
    }

    /// "2 to 7 days", or "1 week to 14 days" when the units differ.
    static func range(_ minimum: GapLength, _ maximum: GapLength) -> String {
        minimum.unit == maximum.unit ? "\(minimum.value) to \(maximum)" : "\(minimum) to \(maximum)"
    }

    /// "3,500.00": fixed separators, so the screen reads the same on every machine.
    static func money(_ cents: Int) -> String {
        let whole = String(cents / 100)
        var grouped = ""
        for (index, digit) in whole.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let fraction = cents % 100
        return String(grouped.reversed()) + "." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    private func plural(_ word: String, _ count: Int) -> String {
        count == 1 ? word : word + "s"
    }
}
