import Foundation
import FrontdeskCore

/// The command line as the kernel passed it. Swift repairs invalid UTF-8 in `CommandLine.arguments`
/// to U+FFFD, which would then be stored silently; refuse it instead, naming the option.
enum RawArguments {
    static func requireUTF8() throws(CommandFailure) {
        let argv = CommandLine.unsafeArgv
        var previous: String?
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = argv[index] else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
            if String(validating: bytes, as: UTF8.self) == nil {
                let field: String
                if let previous, previous.hasPrefix("-") {
                    field = previous
                } else {
                    let option = String(decoding: bytes, as: UTF8.self).split(separator: "=").first.map(String.init)
                    field = option.flatMap { $0.hasPrefix("--") ? $0 : nil } ?? "Argument \(index)"
                }
                throw .invalid("\(field) " + TextInputError.invalidUTF8(field: field).reason)
            }
            previous = String(decoding: bytes, as: UTF8.self)
        }
    }
}
