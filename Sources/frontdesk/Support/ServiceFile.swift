import Foundation
import FrontdeskCore

/// Reads a service file for `service import`: a regular file (or standard input) of at most 1 MB of
/// UTF-8 text, each refusal saying what the file is instead.
enum ServiceFile {
    static func read(_ file: String) throws(CommandFailure) -> String {
        let limit = TextLimits.serviceFileBytes
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readData(ofLength: limit + 1)
        } else {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else {
                throw .invalid("Cannot read \(file): there is no such file. Check the path.")
            }
            if isFolder.boolValue { throw .invalid("\(file) is a folder. Give the service file inside it.") }
            let attributes = try? FileManager.default.attributesOfItem(atPath: file)
            if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
                throw .invalid("\(file) is not a regular file (a device or a pipe). Give a JSON file, or - for standard input.")
            }
            if let size = (attributes?[.size] as? NSNumber)?.intValue, size > limit {
                throw .invalid("\(file) is \(size / 1024) KB; a service file may be at most 1 MB. Split it into several files.")
            }
            guard let handle = FileHandle(forReadingAtPath: file) else {
                throw .invalid("Cannot read \(file): this account has no permission to read it.")
            }
            defer { try? handle.close() }
            data = handle.readData(ofLength: limit + 1)
        }
        if data.count > limit { throw .invalid("\(file == "-" ? "Standard input" : file) holds more than 1 MB; a service file may be at most 1 MB. Split it into several files.") }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            throw .invalid("\(file) is UTF-16 text, not UTF-8. Save it as UTF-8 and import it again.")
        }
        do {
            var text = try TextLimits.utf8(data, field: "Service file")
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            return text
        } catch {
            throw .invalid("\(file): \(error.reason)")
        }
    }
}
