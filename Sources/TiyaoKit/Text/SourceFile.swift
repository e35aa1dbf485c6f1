import Foundation

/// Reads a user's input file (or standard input for "-") and decodes it.
/// Input files are only ever read.
public enum SourceFile {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Files larger than this are refused rather than read into memory.
    public static let maximumSize = 64 * 1024 * 1024

    public static func read(_ path: String, encoding: String? = nil) throws -> TextDecoder.Decoded {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw Failure(path: path, reason: "no such file")
            }
            guard !isDirectory.boolValue else { throw Failure(path: path, reason: "is a directory, not a text file") }
            guard FileManager.default.isReadableFile(atPath: path) else { throw Failure(path: path, reason: "permission denied") }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard size <= maximumSize else {
                throw Failure(path: path, reason: "is \(size / 1_048_576) MB; files over \(maximumSize / 1_048_576) MB are not read")
            }
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw Failure(path: path, reason: "cannot be read (\(error.localizedDescription))")
            }
        }
        do { return try TextDecoder.decode(data, encoding: encoding) } catch let failure as TextDecoder.Failure {
            throw Failure(path: path, reason: failure.description)
        }
    }
}
