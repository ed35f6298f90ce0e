import CursesBackend
import Foundation
import FrontdeskConfiguration
import FrontdeskStore

/// The installation's checks: configuration keys, the terminal and locale, the notify command, and
/// the database files' group and modes against their folder (a shared database) and the lock file.
enum InstallChecks {
    static let all: [DoctorCheck] = [
        DoctorCheck(name: "configuration keys", run: configurationKeys),
        DoctorCheck(name: "terminal", run: terminal),
        DoctorCheck(name: "notify command", run: notifyCommand),
        DoctorCheck(name: "shared files", run: permissions),
    ]

    /// Every file read, keys that are retired, and keys that have no effect here.
    static func configurationKeys(_ context: DoctorContext) -> [DoctorFinding] {
        let configuration: AppConfiguration
        do { configuration = try AppConfiguration.load(environment: context.environment) } catch {
            return [.problem(error.description, "Correct the line named; every key is listed in man frontdesk (CONFIGURATION).")]
        }
        var findings: [DoctorFinding] = []
        if configuration.files.isEmpty {
            findings.append(.ok("no configuration file; defaults apply (looked in \(ConfigurationFiles.paths(environment: context.environment).joined(separator: ", ")))"))
        } else {
            findings.append(.ok("read \(configuration.files.joined(separator: ", "))"))
        }
        for use in configuration.retiredKeysSet {
            let reason = ConfigurationKey.named(use.key)?.retiredBecause ?? "it is no longer read"
            let place = use.line.map { "\(use.file), line \($0)" } ?? use.file
            findings.append(.warning("\(place): \(use.key) is set but not used: \(reason)", "Remove the line."))
        }
        if let zone = configuration.timezone, FileManager.default.fileExists(atPath: context.databasePath) {
            findings.append(.ok("timezone = \"\(zone)\" applies to new databases only (frontdesk init); an existing one keeps its own"))
        }
        return findings
    }

    /// TERM known to terminfo, colours, and a UTF-8 locale (or C.UTF-8 to switch to).
    static func terminal(_ context: DoctorContext) -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        let term = context.environment["TERM"] ?? ""
        if let problem = CursesTerminal.checkTerminal(environment: context.environment), !problem.contains("interactive terminal") {
            findings.append(.problem(problem, "Set TERM to a type this machine knows, e.g. export TERM=xterm-256color."))
        } else if !term.isEmpty {
            let colours = term.contains("256color") || term.contains("truecolor") ? "256 colours" : term.contains("color") ? "colours" : "perhaps no colours"
            findings.append(.ok("TERM=\(term) (\(colours))"))
        }
        if let noColor = context.environment["NO_COLOR"], !noColor.isEmpty {
            findings.append(.ok("NO_COLOR is set: the monochrome theme is used"))
        }
        let locale = effectiveLocale(context.environment)
        if isUTF8(locale) {
            findings.append(.ok("locale \(locale) is UTF-8"))
        } else if TerminalTextMode.systemHasCUTF8() {
            findings.append(.warning("the locale \(locale) is not UTF-8; the application switches to C.UTF-8 to draw names",
                                     "Set LANG=C.UTF-8 (or another UTF-8 locale) in the login profile, e.g. /etc/default/locale."))
        } else {
            findings.append(.problem("the locale \(locale) is not UTF-8 and this system has no C.UTF-8: names lose their accents and other letters show as ?",
                                     "Install a UTF-8 locale (apt install locales; dpkg-reconfigure locales) and set LANG to it."))
        }
        return findings
    }

    /// The configured program exists and may be run.
    static func notifyCommand(_ context: DoctorContext) -> [DoctorFinding] {
        guard let configuration = try? AppConfiguration.load(environment: context.environment) else { return [] }
        guard let program = configuration.notifyCommand.first else {
            return [.ok("no notify_command; follow-ups are called or marked by hand")]
        }
        let candidates = program.contains("/") ? [program]
            : (context.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map { "\($0)/\(program)" }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return [.problem("notify_command names \(program), which is not an executable file\(program.contains("/") ? "" : " on PATH")",
                             "Install it or correct notify_command; until then followups --send stops at the first follow-up.")]
        }
        return [.ok("notify_command runs \(found)")]
    }

    /// A database in a setgid folder is shared: every file must have the folder's group and let the
    /// group write (0660), or the next receptionist cannot open it. The lock file must be writable
    /// by whoever runs migrations.
    static func permissions(_ context: DoctorContext) -> [DoctorFinding] {
        let path = context.databasePath
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        guard let folderInfo = status(folder) else { return [] }
        let shared = folderInfo.mode & 0o2000 != 0
        var findings: [DoctorFinding] = []
        if !shared {
            findings.append(.ok("the folder \(folder) is not setgid: the database is for the accounts that own it (see frontdesk init --shared)"))
        } else {
            let group = SharedFiles.groupName(folderInfo.group)
            findings.append(.ok("the folder \(folder) is setgid for the group \(group)"))
            if folderInfo.mode & 0o070 != 0o070 {
                findings.append(.problem("the folder \(folder) is \(octal(folderInfo.mode)); the group cannot create the -wal and -shm files",
                                         "chmod 2770 \(folder)"))
            }
            for file in SharedFiles.companions(of: path) {
                guard let info = status(file) else { continue }
                if info.group != folderInfo.group {
                    findings.append(.problem("\(file) belongs to the group \(SharedFiles.groupName(info.group)), not \(group)",
                                             "chgrp \(group) \(file)"))
                }
                if info.mode & 0o060 != 0o060 {
                    findings.append(.problem("\(file) is \(octal(info.mode)): the group \(group) cannot write it", "chmod 0660 \(file)"))
                }
            }
        }
        let lock = path + ".lock"
        if FileManager.default.fileExists(atPath: lock), !FileManager.default.isWritableFile(atPath: lock),
           !FileManager.default.isReadableFile(atPath: lock) {
            findings.append(.problem("the lock file \(lock) can be neither written nor read by this account",
                                     shared ? "chmod 0660 \(lock)" : "Ask its owner to make it readable, or remove it while nobody uses the database."))
        }
        return findings
    }

    private static func status(_ path: String) -> (mode: UInt32, group: UInt32)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (UInt32(info.st_mode) & 0o7777, UInt32(info.st_gid))
    }

    private static func octal(_ mode: UInt32) -> String {
        let text = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }

    static func effectiveLocale(_ environment: [String: String]) -> String {
        for key in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = environment[key], !value.isEmpty { return value }
        }
        return "C"
    }

    static func isUTF8(_ locale: String) -> Bool {
        let lower = locale.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
    }
}
