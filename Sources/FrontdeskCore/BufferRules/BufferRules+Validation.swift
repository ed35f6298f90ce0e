/// The checks every way of building `BufferRules` goes through (SPEC §2 refusals).
extension BufferRules {
    /// The range of sessions a service may have.
    public static let sessionCountRange = 1...50

    func validate() throws(BufferRulesError) {
        guard BufferRules.sessionCountRange.contains(totalSessions) else {
            throw .totalSessionsOutOfRange(totalSessions)
        }
        try checkValues()
        try checkRelations()
        try checkGapsAgainstRange()
        if strategy == .immediate { try checkImmediateCoverage() }
    }

    /// Every number is a gap: not negative and not absurdly long; every pair exists in the service.
    private func checkValues() throws(BufferRulesError) {
        var fields: [(key: String, gap: GapLength)] = []
        if let defaultGap { fields.append((BufferRuleKey.defaultKey(defaultGap.unit), defaultGap)) }
        for from in sessionGaps.keys.sorted() {
            let gap = sessionGaps[from]!
            let key = BufferRuleKey.pairKey(from: from, unit: gap.unit)
            guard from >= 1, from + 1 <= totalSessions else {
                throw .sessionOutOfRange(key: key, totalSessions: totalSessions)
            }
            fields.append((key, gap))
        }
        if let minimumDays { fields.append(("minimum_days", .days(minimumDays))) }
        if let recommendedDays { fields.append(("recommended_days", .days(recommendedDays))) }
        if let maximumDays { fields.append(("maximum_days", .days(maximumDays))) }
        for field in fields {
            if field.gap.value < 0 { throw .negativeValue(key: field.key, value: field.gap.value) }
            let limit = BufferRules.largestValue[field.gap.unit] ?? 3660
            if field.gap.value > limit {
                throw .valueTooLarge(key: field.key, value: field.gap.value, limit: limit)
            }
        }
    }

    private func checkRelations() throws(BufferRulesError) {
        if let minimumDays, let recommendedDays, minimumDays > recommendedDays {
            throw .minimumAboveRecommended(minimum: minimumDays, recommended: recommendedDays)
        }
        if let recommendedDays, let maximumDays, recommendedDays > maximumDays {
            throw .recommendedAboveMaximum(recommended: recommendedDays, maximum: maximumDays)
        }
        if let minimumDays, let maximumDays, minimumDays > maximumDays {
            throw .minimumAboveMaximum(minimum: minimumDays, maximum: maximumDays)
        }
    }

    /// A default or session-specific gap is also that pair's minimum, so it must leave room for the
    /// recommended gap and stay within the maximum. Months vary in length: the check uses the
    /// shortest a gap can be against `recommended_days` and the longest against `maximum_days`,
    /// so only configurations that are wrong in every month are refused.
    private func checkGapsAgainstRange() throws(BufferRulesError) {
        guard recommendedDays != nil || maximumDays != nil else { return }
        var fields: [(key: String, gap: GapLength)] = []
        if let defaultGap { fields.append((BufferRuleKey.defaultKey(defaultGap.unit), defaultGap)) }
        for from in sessionGaps.keys.sorted() {
            let gap = sessionGaps[from]!
            fields.append((BufferRuleKey.pairKey(from: from, unit: gap.unit), gap))
        }
        for field in fields {
            if let recommendedDays, BufferRules.shortestDays(field.gap) > recommendedDays {
                throw .gapAboveRecommended(key: field.key, gap: field.gap, recommended: recommendedDays)
            }
            if let maximumDays, BufferRules.longestDays(field.gap) > maximumDays {
                throw .gapAboveMaximum(key: field.key, gap: field.gap, maximum: maximumDays)
            }
        }
    }

    /// An immediate service lays out every session at once, so every pair needs a planned gap,
    /// and a gap of 0 would stack two sessions on the same time.
    private func checkImmediateCoverage() throws(BufferRulesError) {
        guard totalSessions > 1 else { return }
        for k in 1..<totalSessions {
            guard let planned = plannedGap(afterSession: k) else {
                throw .missingGapForImmediate(key: BufferRuleKey.pairKey(from: k, unit: .days),
                                              totalSessions: totalSessions)
            }
            if planned.value == 0 { throw .zeroGapForImmediate(key: plannedGapSource(afterSession: k)) }
        }
    }

    /// The key that supplies the planned gap after session `k`, for messages and editors.
    public func plannedGapSource(afterSession k: Int) -> String {
        if let gap = sessionGaps[k] { return BufferRuleKey.pairKey(from: k, unit: gap.unit) }
        if let defaultGap { return BufferRuleKey.defaultKey(defaultGap.unit) }
        if recommendedDays != nil { return "recommended_days" }
        if minimumDays != nil { return "minimum_days" }
        return BufferRuleKey.pairKey(from: k, unit: .days)
    }

    /// The fewest calendar days a gap can span (February makes a month 28 days).
    static func shortestDays(_ gap: GapLength) -> Int {
        switch gap.unit {
        case .days: return gap.value
        case .weeks: return gap.value * 7
        case .months: return gap.value * 28
        }
    }

    /// The most calendar days a gap can span (a month is at most 31 days).
    static func longestDays(_ gap: GapLength) -> Int {
        switch gap.unit {
        case .days: return gap.value
        case .weeks: return gap.value * 7
        case .months: return gap.value * 31
        }
    }
}
