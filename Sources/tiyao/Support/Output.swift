import Foundation
import TiyaoKit

/// Writes command output to stdout, or atomically to a file (temp file + rename),
/// so a failure never leaves a partial output file behind.
enum Output {
    static func write(_ text: String, to path: String? = nil) throws {
        try write(Data(text.utf8), to: path)
    }

    static func write(_ data: Data, to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(data)
            return
        }
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        let parent = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError.output("cannot write \(path): no such directory \(parent)")
        }
        do { try AtomicFile.write(data, to: url) } catch {
            throw CLIError.output("cannot write \(path): \(error.localizedDescription)")
        }
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
