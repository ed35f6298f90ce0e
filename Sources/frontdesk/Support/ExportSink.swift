import Foundation

/// Where an export goes: standard output, or a file written beside its final name and moved into
/// place at the end, so a failed export never leaves half a file.
final class ExportSink {
    private let handle: FileHandle
    private let temporary: String?
    private let destination: String?
    private var buffer = Data()

    init(path: String?) throws(CommandFailure) {
        guard let path, path != "-" else {
            handle = FileHandle.standardOutput
            temporary = nil
            destination = nil
            return
        }
        let temp = path + ".partial-\(getpid())"
        guard FileManager.default.createFile(atPath: temp, contents: nil), let file = FileHandle(forWritingAtPath: temp) else {
            throw .failed("Cannot write \(path): its folder is missing or not writable. Choose another -o path.")
        }
        handle = file
        temporary = temp
        destination = path
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    private func flush() {
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Finishes the export: the file takes its final name.
    func finish() throws(CommandFailure) {
        flush()
        guard let temporary, let destination else { return }
        try? handle.close()
        guard rename(temporary, destination) == 0 else {
            unlink(temporary)
            throw .failed("Cannot write \(destination) (\(String(cString: strerror(errno)))).")
        }
    }

    deinit {
        if let temporary, FileManager.default.fileExists(atPath: temporary) { unlink(temporary) }
    }
}
