/// What is wrong with something staff gave the store (a field, a file, a row), typed with the values
/// that broke the rule; each reader words it. `field` and `reason` are the neutral wording shared by
/// the command line and the screens: they name no option, key or command.
public enum InputProblem: Equatable, Sendable {
    /// A text the core's limits refuse (NUL, control character, too long); the field is inside.
    case text(TextInputError)
    /// Something that must be given was left empty.
    case empty(RequiredField)
    /// The phone number as typed, and what is wrong with it.
    case phone(text: String, PhoneNumber.Problem)
    /// The e-mail address as typed, and what is wrong with it.
    case email(text: String, EmailAddress.Problem)
    /// Consent to a channel without the phone or address it needs.
    case consentWithoutContact(ContactChannel)
    /// Another record of this kind has the name already.
    case nameTaken(RecordKind, name: String)
    /// Working hours that do not read.
    case workingHours(WorkingHoursError)
    /// No absence of the provider starts on the day; the absences it has, for choosing.
    case noAbsenceStarting(provider: String, day: LocalDay, absences: [ProviderAbsence])
    /// An absence whose last day comes before its first.
    case absenceBackwards(first: LocalDay, last: LocalDay)
    /// An absence longer than the store keeps (`longestDays`).
    case absenceTooLong(first: LocalDay, last: LocalDay, longestDays: Int)
    /// A merge that names the same customer twice.
    case mergeSameCustomer(id: Int64)
    /// A service (the `index`th of a file holding several, counted from 1) breaks a rule of the core.
    case service(index: Int?, ServiceDraft.Problem)
    /// A service file that is not one service object or an array of them.
    case serviceFile(ServiceFileProblem)
    /// A backup (or a file to restore from) that cannot be used, with its path.
    case backup(path: String, BackupFileProblem)
    /// A spreadsheet row that cannot be imported.
    case importRow(row: Int, ImportRowProblem)
    /// The account may not do manager work under the configured policy.
    case notManager(account: String, policy: ManagerPolicy)
    /// The change breaks a constraint of the database; SQLite's message.
    case constraint(String)
    /// Something the store did not expect went wrong, as the system said it.
    case unexpected(String)

    public enum RequiredField: Equatable, Sendable {
        case customerName, providerName, endReason, sessionStart
    }

    public enum ContactChannel: Equatable, Sendable {
        case sms, email
    }

    public enum ServiceFileProblem: Equatable, Sendable {
        case empty
        case unreadable(CommentedJSONError)
        case notServices
    }

    public enum BackupFileProblem: Equatable, Sendable {
        case missing
        case notRegular
        case empty
        /// SQLite cannot open it; what it said.
        case damaged(String)
        /// The first problems `PRAGMA integrity_check` lists.
        case failsIntegrity(String)
        /// The destination of a new backup exists (`thisMinute`: the automatic name of this minute).
        case exists(thisMinute: Bool)
    }

    public enum ImportRowProblem: Equatable, Sendable {
        /// The treatment of the row is already in the database.
        case treatmentExists(String)
        /// The provider has a booking at the row's time already.
        case slotTaken
        /// The row breaks a constraint of the database; SQLite's message.
        case constraint(String)
        /// A treatments row names a treatment whose bookings were not imported.
        case treatmentMissing(String)
        /// A treatments row disagrees with the treatment its bookings created (customer, service, …).
        case differsFromImported(column: String, file: String, database: String)
        /// A treatments row gives a state or count the treatment's bookings do not make.
        case differsFromBookings(column: String, file: String, derived: String)
    }

    /// What the problem is about, as the start of the message ("Phone “079+963”").
    public var field: String {
        switch self {
        case let .text(error): return error.field
        case let .empty(field):
            switch field {
            case .customerName: return "Customer name"
            case .providerName: return "Provider name"
            case .endReason: return "reason"
            case .sessionStart: return "Start"
            }
        case let .phone(text, _): return "Phone “\(TextLimits.quote(text))”"
        case let .email(text, _): return "Email “\(TextLimits.quote(text))”"
        case .consentWithoutContact(.sms): return "SMS consent"
        case .consentWithoutContact(.email): return "E-mail consent"
        case let .nameTaken(kind, _): return kind == .provider ? "Provider name" : "Name"
        case .workingHours: return "Working hours"
        case .noAbsenceStarting, .absenceBackwards, .absenceTooLong: return "Absence"
        case .mergeSameCustomer: return "Merge"
        case let .service(index, problem): return (index.map { "Service \($0): " } ?? "") + problem.field
        case .serviceFile: return "Service file"
        case .backup: return "Backup"
        case let .importRow(row, .treatmentExists): return "row \(row), column treatment_id"
        case let .importRow(row, .slotTaken): return "row \(row), column start"
        case let .importRow(row, .constraint): return "row \(row)"
        case let .importRow(row, .treatmentMissing): return "row \(row), column treatment_id"
        case let .importRow(row, .differsFromImported(column, _, _)), let .importRow(row, .differsFromBookings(column, _, _)):
            return "row \(row), column \(column)"
        case .notManager: return "Manager"
        case .constraint: return "Data"
        case .unexpected: return "Database"
        }
    }

    /// Why, and what to do about it.
    public var reason: String {
        switch self {
        case let .text(error): return error.reason
        case let .empty(field):
            switch field {
            case .customerName: return "is empty. Type the customer's name."
            case .providerName: return "is empty. Type a name."
            case .endReason: return "say why the treatment ends (customer withdrew, clinical decision, moved away, or your own words)."
            case .sessionStart: return "give at least one date and time."
            }
        case let .phone(_, problem): return problem.description
        case let .email(_, problem): return problem.description
        case .consentWithoutContact(.sms): return "needs a phone number. Add the phone, or leave SMS consent off."
        case .consentWithoutContact(.email): return "needs an e-mail address. Add the address, or leave e-mail consent off."
        case let .nameTaken(kind, name):
            let quoted = TextLimits.quote(name)
            return kind == .service ? "“\(quoted)” is the name of another service. Choose another name."
                : "“\(quoted)” exists already. Choose another name."
        case let .workingHours(error): return "\(error)"
        case let .noAbsenceStarting(provider, day, absences):
            let listed = absences.map(\.description)
            return "\(TextLimits.quote(provider)) has no absence starting \(day). "
                + (listed.isEmpty ? "There are none." : "Absences: \(listed.joined(separator: ", ")).")
        case let .absenceBackwards(first, last):
            return "\(first)..\(last) ends before it starts. Put the first day first."
        case let .absenceTooLong(first, last, longest):
            return "\(first)..\(last) is longer than \(longest % 366 == 0 ? "\(longest / 366) years" : "\(longest) days"). Check the dates, or make the provider inactive."
        case let .mergeSameCustomer(id):
            return "#\(id) is the same customer twice. Give the customer to keep and the duplicate."
        case let .service(_, problem): return problem.reason
        case .serviceFile(.empty):
            return "is empty. Write a service object such as {\"name\": \"Physiotherapy\", \"requires_multiple_sessions\": true, \"total_sessions_required\": 6, \"multi_session_strategy\": \"sequential\", \"session_buffer_config\": {\"default_days\": 7}}."
        case let .serviceFile(.unreadable(error)): return "\(error)"
        case .serviceFile(.notServices):
            return "must hold one service object or a non-empty array of them, as in the guide's examples."
        case let .backup(path, problem):
            switch problem {
            case .missing: return "there is no file at \(path)."
            case .notRegular: return "\(path) is a folder or a device, not a backup file."
            case .empty: return "\(path) is empty. Choose another backup."
            case let .damaged(detail): return "\(path) is damaged (\(detail)). Choose another backup; nothing was changed."
            case let .failsIntegrity(detail):
                return "\(path) fails SQLite's integrity check (\(detail)). Choose another backup; nothing was changed."
            case .exists(thisMinute: true):
                return "\(path) exists already (a backup from this minute). Wait a minute or name the file; nothing was overwritten."
            case .exists(thisMinute: false):
                return "\(path) exists already. Choose a new file name or a folder; nothing was overwritten."
            }
        case let .importRow(_, problem):
            switch problem {
            case let .treatmentExists(group):
                return "the treatment \(TextLimits.quote(group)) is already in the database. Leave its rows out, or import into another database."
            case .slotTaken:
                return "the provider already has a booking at that time (in the database or in an earlier row). Correct the time or the provider."
            case let .constraint(message): return InputProblem.constraint(message).reason
            case let .treatmentMissing(group):
                return "the treatment \(TextLimits.quote(group)) is not in the database. Import its bookings first "
                    + "(frontdesk import csv bookings), then this file."
            case let .differsFromImported(_, file, database):
                return "the file says \(TextLimits.quote(file)) but the treatment's bookings were imported with "
                    + "\(TextLimits.quote(database)). Export both files from the same database."
            case let .differsFromBookings(_, file, derived):
                return "the file says \(file) but the treatment's bookings make it \(derived). It follows from the bookings: "
                    + "correct the bookings file or this row."
            }
        case let .notManager(account, policy): return policy.refusal(account: account)
        case let .constraint(message):
            return "the change breaks a rule of the database (\(message)). Nothing was saved."
        case let .unexpected(detail): return detail
        }
    }

    /// The field, then the reason: the plain wording both readers start from.
    public var sentence: String { "\(field): \(reason)" }
}
