/// A service's spacing rule in a few words, for lists and headings: "14 d, then 30 d",
/// "every 2–7 d, ideally 3", "2 per week", "single session".
public enum ServiceRuleWords {
    /// The rule of a service as defined (`definition`) with its buffer rules.
    public static func short(definition: ServiceDefinition, rules: BufferRules) -> String {
        guard definition.requiresMultipleSessions, definition.totalSessions > 1 else { return "single session" }
        switch definition.strategy {
        case .immediate:
            let gaps = (1..<definition.totalSessions).map { rules.gap(afterSession: $0).planned }
            return immediate(gaps)
        case .sequential, .flexible:
            return paced(rules)
        }
    }

    /// The rule of a stored service.
    public static func short(_ service: Service) -> String {
        short(definition: service.definition, rules: service.bufferRules)
    }

    /// "4 w", "14 d", "1 mo".
    public static func abbreviated(_ gap: GapLength) -> String {
        switch gap.unit {
        case .days: return "\(gap.value) d"
        case .weeks: return "\(gap.value) w"
        case .months: return "\(gap.value) mo"
        }
    }

    /// Planned gaps in order; equal neighbours of three or more are counted ("7 d ×9").
    static func immediate(_ gaps: [GapLength]) -> String {
        guard let first = gaps.first else { return "single session" }
        if gaps.allSatisfy({ $0 == first }) { return "every \(abbreviated(first))" }
        var runs: [(gap: GapLength, count: Int)] = []
        for gap in gaps {
            if let last = runs.last, last.gap == gap { runs[runs.count - 1].count += 1 } else { runs.append((gap, 1)) }
        }
        var parts: [String] = []
        for run in runs {
            if run.count >= 3 {
                parts.append("\(abbreviated(run.gap)) ×\(run.count)")
            } else {
                parts += Array(repeating: abbreviated(run.gap), count: run.count)
            }
        }
        guard parts.count > 1 else { return parts[0] }
        return parts.dropLast().joined(separator: ", ") + ", then " + parts.last!
    }

    /// Minimum, maximum and recommended days, then the frequency.
    static func paced(_ rules: BufferRules) -> String {
        let gap = rules.gap(afterSession: 1)
        var spacing: String?
        if let maximum = gap.maximum {
            spacing = gap.minimum.unit == maximum.unit && gap.minimum.unit == .days
                ? "every \(gap.minimum.value)–\(maximum.value) d"
                : "every \(abbreviated(gap.minimum))–\(abbreviated(maximum))"
        } else if gap.minimum.value > 0 {
            spacing = "at least \(abbreviated(gap.minimum)) apart"
        }
        if let recommended = rules.recommendedDays, GapLength.days(recommended) != gap.minimum || spacing == nil {
            let ideal = spacing == nil ? "ideally every \(recommended) d" : "ideally \(recommended)"
            spacing = spacing.map { "\($0), \(ideal)" } ?? ideal
        }
        switch (spacing, rules.frequency?.text) {
        case let (spacing?, frequency?): return "\(spacing); \(frequency)"
        case let (spacing?, nil): return spacing
        case let (nil, frequency?): return frequency
        case (nil, nil): return "any pace"
        }
    }
}
