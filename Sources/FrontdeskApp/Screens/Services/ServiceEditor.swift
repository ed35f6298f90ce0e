import Foundation
import FrontdeskCore
import TerminalUI

/// The service editor: the form, what the core says about it as the manager types (every problem
/// under its field), and the live "How it works" preview. Pure: the example provider's calendar is
/// loaded once by an effect, then the core plans on every key.
public struct ServiceEditor: Sendable, Equatable {
    /// The service being edited; nil for a new one (also a duplicate).
    public var serviceID: Int64?
    public var form: Form<ServiceField>
    /// The values as opened: leaving with anything else asks first.
    var original: ServiceDraft.Fields
    /// What the form does not show is kept from here (buffer keys of another pane).
    var base: ServiceDraft.Fields
    var defaultGap: GapLength?
    /// Treatments of the service still going; they keep the rules they were booked under.
    public var activeTreatments: Int
    /// The valid draft, when the form is valid.
    public private(set) var draft: ServiceDraft?
    /// Problems the form cannot show under a field (a buffer key of another pane), as sentences.
    public private(set) var otherProblems: [String] = []
    public private(set) var problemCount = 0
    /// The example provider's calendar, and the providers it was loaded for.
    public var availability: PreviewAvailability?
    var availabilityFor: [Int64]?
    /// The calendar was read and no active provider delivers the service.
    var hasNoProvider = false
    public private(set) var preview: [String] = []
    /// Text of fields the pane no longer shows, given back when they return.
    var setAside: [ServiceField: String] = [:]
    /// Esc with unsaved changes: the question is open.
    public var isAskingToLeave = false
    public var isSaving = false

    init(serviceID: Int64?, values: ServiceDraft.Fields, original: ServiceDraft.Fields, activeTreatments: Int, readOnly: Bool) {
        self.serviceID = serviceID
        self.original = original
        self.base = values
        self.defaultGap = values.defaultGap
        self.activeTreatments = activeTreatments
        form = ServiceForm.make(values, readOnly: readOnly, previewStart: "", defaultGap: values.defaultGap)
    }

    /// A new service: one immediate session pattern to start from.
    static func new(readOnly: Bool) -> ServiceEditor {
        let values = ServiceDraft.Fields(sessionNoun: "Session", durationMinutes: 60, requiresMultipleSessions: true,
                                         totalSessions: 1, strategy: .immediate)
        return ServiceEditor(serviceID: nil, values: values, original: values, activeTreatments: 0, readOnly: readOnly)
    }

    /// A stored service, or a copy of it as the start of a new one.
    static func opening(_ loaded: LoadedService, id: Int64, purpose: ServiceLoadPurpose, readOnly: Bool) -> ServiceEditor {
        var values = ServiceDraft.Fields(draft: loaded.draft)
        switch purpose {
        case .edit:
            return ServiceEditor(serviceID: id, values: values, original: values, activeTreatments: loaded.activeTreatments, readOnly: readOnly)
        case .duplicate:
            let opened = values
            values.name = "Copy of \(values.name)"
            var editor = ServiceEditor(serviceID: nil, values: values, original: opened, activeTreatments: 0, readOnly: readOnly)
            editor.original.name = ""
            return editor
        }
    }

    public var isReadOnly: Bool { form.isReadOnly }
    public var isNew: Bool { serviceID == nil }
    public var title: String { isNew ? "New service" : "Service: \(original.name)" }

    /// The values as the form reads now.
    var reading: ServiceFormReading { ServiceFormReading(form, base: base, defaultGap: defaultGap) }

    /// True when leaving would lose something typed.
    public var hasUnsavedChanges: Bool {
        let now = reading
        return now.fields != original || !now.typingProblems.isEmpty
    }

    /// True when Save would write: a valid form on a manager's desk.
    public var canSave: Bool { draft != nil && !isReadOnly && !isSaving }

    /// Why Save is unavailable, in one line; nil when it is available.
    public var saveBlocker: String? {
        if isReadOnly { return nil }
        if isSaving { return "Saving…" }
        guard draft == nil else { return nil }
        return problemCount == 1 ? "Save is unavailable until the problem below is fixed."
            : "Save is unavailable until the \(problemCount) problems below are fixed."
    }

    /// "3 active treatments keep their current rules".
    static func keepRulesLine(_ count: Int) -> String {
        count == 1 ? "1 active treatment keeps its current rules." : "\(count) active treatments keep their current rules."
    }

    // MARK: - Checking as the manager types

    /// Re-reads the form after a key: rebuilds the buffer pane when the strategy or the number of
    /// sessions changed, shows every problem under its field, and plans the preview. Returns the
    /// calendar to load when the example provider changed.
    mutating func refresh(providers: [ProviderRow], calendar: ClinicCalendar, now: Date) -> [ServicesEffect] {
        var current = reading
        rebuildPaneIfNeeded(current.fields)
        current = reading
        form.clearErrors()
        var placed = current.typingProblems
        let (draft, problems) = ServiceDraft.validate(current.fields)
        var others: [String] = []
        for problem in problems {
            // A gap typed as text is missing from the rules: the core's "no gap" is that same problem.
            if case .buffer(.missingGapForImmediate) = problem.rule, !current.typingProblems.isEmpty { continue }
            let field = Self.field(for: problem, strategy: current.fields.strategy)
            if let field, form[field] != nil {
                if placed[field] == nil { placed[field] = Self.wording(problem) }
            } else {
                others.append("\(problem.field): \(problem.reason)")
            }
        }
        let known = providers.map(\.provider.name)
        let unknown = current.fields.providerNames.filter { name in !known.contains { $0.caseInsensitiveCompare(name) == .orderedSame } }
        if !providers.isEmpty, !unknown.isEmpty, placed[.providers] == nil {
            placed[.providers] = "no provider is called \(unknown.map { "“\($0)”" }.joined(separator: ", ")). Providers: \(known.joined(separator: ", "))."
        }
        for (field, message) in placed { form.setError(message, for: field) }
        otherProblems = others
        problemCount = placed.count + others.count
        self.draft = problemCount == 0 ? draft : nil

        let ids = providers.filter { row in current.fields.providerNames.contains { $0.caseInsensitiveCompare(row.provider.name) == .orderedSame } }
            .map(\.provider.id).sorted()
        var effects: [ServicesEffect] = []
        if availabilityFor != ids {
            availabilityFor = ids
            effects.append(.loadPreviewCalendar(providerIDs: ids, from: now))
        }
        planPreview(calendar: calendar, now: now)
        return effects
    }

    /// The preview from the valid draft and the loaded calendar, computed by the core.
    mutating func planPreview(calendar: ClinicCalendar, now: Date) {
        let startText = form.text(.previewStart).trimmingCharacters(in: .whitespaces)
        var start: Date?
        if !startText.isEmpty {
            do { start = try DateInputParser(calendar: calendar, now: now).parse(startText) } catch {
                form.setError("\(error)", for: .previewStart)
                preview = ["How it works: type an example start the desk can read, such as “tue 10:00”."]
                return
            }
        }
        guard let draft else {
            preview = ["How it works appears here when the form is valid."]
            return
        }
        guard let availability else {
            if hasNoProvider {
                preview = ["How it works: no active provider delivers this service, so there is no example to show."]
                return
            }
            preview = ["How it works: reading the example provider's hours…"]
            return
        }
        let minutes = draft.definition.durationMinutes(forSession: 1)
        guard let first = start ?? ServicePreview.defaultStart(schedule: availability.schedule, durationMinutes: minutes,
                                                               after: now, calendar: calendar) else {
            preview = ["How it works: \(availability.providerName) has no working day within a year."]
            return
        }
        preview = ServicePreview.make(draft: draft, firstStart: first, providerName: availability.providerName,
                                      schedule: availability.schedule, calendar: calendar).lines(calendar: calendar)
    }

    /// The multi-session toggle, the number of sessions and the strategy decide which fields exist.
    private mutating func rebuildPaneIfNeeded(_ values: ServiceDraft.Fields) {
        let wanted = ServiceForm.make(values, readOnly: form.isReadOnly, previewStart: "", defaultGap: defaultGap)
        guard wanted.fields.map(\.id) != form.fields.map(\.id) else { return }
        var rebuilt = wanted
        for field in form.fields {
            guard case .text = field.control else { continue }
            if rebuilt[field.id] != nil {
                rebuilt.setText(field.text, for: field.id)
            } else {
                // Kept aside: lowering the sessions for a moment (retyping 4) must not lose the gaps typed.
                setAside[field.id] = field.text
            }
        }
        for field in rebuilt.fields where form[field.id] == nil {
            if let text = setAside[field.id] { rebuilt.setText(text, for: field.id) }
        }
        if let focused = form.focusedID { rebuilt.focus(focused) }
        form = rebuilt
    }

    /// The field a core problem is about.
    static func field(for problem: ServiceDraft.Problem, strategy: Strategy) -> ServiceField? {
        switch problem.field {
        case "name": return .name
        case "session_noun": return .noun
        case "duration_minutes": return .duration
        case "price": return .price
        case "trigger_words": return .triggers
        case "providers": return .providers
        case "total_sessions_required": return .total
        case "requires_multiple_sessions": return .multi
        case "multi_session_strategy": return .strategy
        case "expiry_days": return .expiry
        case "session_buffer_config":
            guard case .buffer(let error) = problem.rule else { return nil }
            switch error {
            case .minimumAboveMaximum, .recommendedAboveMaximum: return .maximum
            case .totalSessionsOutOfRange: return .total
            default: break
            }
            guard let key = error.key else { return nil }
            switch key {
            case "minimum_days": return .minimum
            case "recommended_days": return .recommended
            case "maximum_days": return .maximum
            case "suggested_frequency", "recommended_frequency": return .frequency
            default:
                if key.hasPrefix("session_"), let from = Int(key.dropFirst("session_".count).prefix { $0.isNumber }) {
                    return .gap(from)
                }
                if key.hasPrefix("default_"), strategy == .immediate { return .gap(1) }
                return nil
            }
        default:
            if problem.field.hasPrefix("session_plan[") {
                let digits = problem.field.dropFirst("session_plan[".count).prefix { $0.isNumber }
                guard let session = Int(digits) else { return nil }
                return problem.field.contains("duration") ? .planMinutes(session) : .planLabel(session)
            }
            return nil
        }
    }

    /// A problem as a line under its field: the rule that failed.
    static func wording(_ problem: ServiceDraft.Problem) -> String {
        if case .buffer(let error) = problem.rule { return error.description }
        return problem.reason
    }
}
