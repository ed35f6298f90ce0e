/// One action and the keys that trigger it, with the words shown in the legend and help screen.
public struct KeyBinding<Action: Hashable & Sendable>: Sendable, Equatable {
    public var action: Action
    /// Keys that trigger the action; the first is the one the legend names.
    public var keys: [Key]
    /// The short legend word ("Book" shows as "F2 Book").
    public var label: String
    /// A sentence for the help screen.
    public var help: String
    /// Heading under which the help screen lists the binding.
    public var section: String
    /// Whether the bottom legend shows it.
    public var showsInLegend: Bool
    /// Higher stays longer when the legend runs out of room.
    public var priority: Int

    /// Creates a binding.
    public init(
        _ action: Action, keys: [Key], label: String, help: String = "",
        section: String = "General", showsInLegend: Bool = true, priority: Int = 0
    ) {
        self.action = action
        self.keys = keys
        self.label = label
        self.help = help.isEmpty ? label : help
        self.section = section
        self.showsInLegend = showsInLegend
        self.priority = priority
    }

    /// "F2 Book": the first key and the label, as the legend shows it.
    public var legendText: String { "\(legendKey) \(label)" }

    /// The key name the legend shows.
    public var legendKey: String { keys.first?.description ?? "" }

    /// All keys, as the help screen lists them ("F2, b").
    public var keyList: String { keys.map(\.description).joined(separator: ", ") }
}

/// Key bindings as data: one table that the dispatcher, the legend and the help screen all read.
public struct Keymap<Action: Hashable & Sendable>: Sendable, Equatable {
    public var bindings: [KeyBinding<Action>]

    /// A keymap from bindings, in legend order.
    public init(_ bindings: [KeyBinding<Action>]) {
        self.bindings = bindings
    }

    /// The action bound to `key`, if any (the first binding wins).
    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The binding for an action.
    public func binding(for action: Action) -> KeyBinding<Action>? {
        bindings.first { $0.action == action }
    }

    /// The same bindings with their actions named, so keymaps of different screens can be shown together.
    public var erased: Keymap<String> {
        Keymap<String>(bindings.map { binding in
            KeyBinding(String(describing: binding.action), keys: binding.keys, label: binding.label, help: binding.help,
                       section: binding.section, showsInLegend: binding.showsInLegend, priority: binding.priority)
        })
    }

    /// This keymap's bindings followed by `other`'s.
    public func appending(_ other: Keymap<Action>) -> Keymap<Action> {
        Keymap(bindings + other.bindings)
    }

    /// Section names in first-appearance order.
    public var sections: [String] {
        var seen: [String] = []
        for binding in bindings where !seen.contains(binding.section) { seen.append(binding.section) }
        return seen
    }

    /// Problems with the keymap; empty when it is sound. Function keys need a letter alternative
    /// because some terminals (and some SSH clients) never send them; a key may trigger one action.
    public func validate() -> [String] {
        var problems: [String] = []
        for binding in bindings where binding.keys.contains(where: \.isFunctionKey) {
            let hasAlternative = binding.keys.contains { key in
                switch key {
                case .character, .control: return true
                default: return false
                }
            }
            if !hasAlternative {
                problems.append("\"\(binding.label)\" is bound only to \(binding.keyList); add a letter key as well.")
            }
        }
        var owners: [Key: String] = [:]
        for binding in bindings {
            if binding.keys.isEmpty { problems.append("\"\(binding.label)\" has no key.") }
            for key in binding.keys {
                if let owner = owners[key], owner != binding.label {
                    problems.append("\(key) is bound to both \"\(owner)\" and \"\(binding.label)\".")
                } else {
                    owners[key] = binding.label
                }
            }
        }
        return problems
    }
}
