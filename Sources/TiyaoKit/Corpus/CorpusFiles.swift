import Foundation

/// The files an indexing run looks at, and the paths the store cites them by: relative to
/// the working directory when they lie under it (`corpus/003_….txt`), absolute otherwise.
public enum CorpusFiles {
    public struct File: Sendable, Hashable {
        /// The path as stored and cited.
        public var path: String
        public var url: URL
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Extensions of the files a directory scan picks up (anything else, such as a README.md,
    /// is left out; `tiyao corpus add` takes any text file by name).
    public static let extensions: Set<String> = ["txt"]

    /// Every `.txt` file under `directory` (recursively, hidden files and folders skipped),
    /// sorted by path.
    public static func files(in directory: String) throws -> [File] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw Failure(path: directory, reason: "no such directory")
        }
        guard isDirectory.boolValue else { throw Failure(path: directory, reason: "not a directory") }
        // Enumerate the real folder (the given one may be a symbolic link), cite by the given name.
        let given = URL(fileURLWithPath: directory).standardizedFileURL
        let root = given.resolvingSymlinksInPath()
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            throw Failure(path: directory, reason: "cannot be listed")
        }
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var result: [File] = []
        for case let url as URL in enumerator where extensions.contains(url.pathExtension.lowercased()) {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            let relative = path.hasPrefix(rootPath) ? String(path.dropFirst(rootPath.count)) : url.lastPathComponent
            result.append(file(given.appendingPathComponent(relative)))
        }
        return result.sorted { $0.path < $1.path }
    }

    /// One named file (it must exist and be a regular file).
    public static func file(_ path: String) throws -> File {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw Failure(path: path, reason: "is a directory, not a text file") }
        return file(URL(fileURLWithPath: path))
    }

    static func file(_ url: URL) -> File {
        let url = url.standardizedFileURL
        return File(path: citation(url), url: url)
    }

    /// The path a file or folder is cited by.
    public static func citation(_ url: URL) -> String {
        let absolute = url.standardizedFileURL.path
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        if absolute == cwd { return "." }
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }

    /// The prefix that the stored paths of the files under `directory` start with.
    public static func scope(of directory: String) -> String {
        let cited = citation(URL(fileURLWithPath: directory))
        if cited == "." { return "" }
        return cited.hasSuffix("/") ? cited : cited + "/"
    }
}
