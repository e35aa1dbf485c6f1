import Foundation

/// The user's template library: a directory holding `lexicon.txt`, `structure.yaml`,
/// `patterns/`, `themes.yaml` and the Mustache templates under `drafts/`.
public struct Templates: Sendable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// Finds the library: an explicit path, then $TIYAO_TEMPLATES, then `./templates`,
    /// then `templates/` beside (or above) the executable, as in a source checkout.
    public static func locate(_ explicit: String? = nil) throws -> Templates {
        let fileManager = FileManager.default
        func isLibrary(_ url: URL) -> Bool {
            fileManager.fileExists(atPath: url.appendingPathComponent("structure.yaml").path)
        }
        if let explicit {
            let url = URL(fileURLWithPath: explicit)
            guard isLibrary(url) else {
                throw TemplateError(file: explicit, line: 0, message: "not a template library (no structure.yaml)")
            }
            return Templates(directory: url)
        }
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["TIYAO_TEMPLATES"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        candidates.append(URL(fileURLWithPath: fileManager.currentDirectoryPath).appendingPathComponent("templates"))
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.appendingPathComponent("templates"))
            dir.deleteLastPathComponent()
        }
        guard let found = candidates.first(where: isLibrary) else {
            throw TemplateError(file: "templates", line: 0, message: "template library not found; pass --templates DIR or set TIYAO_TEMPLATES")
        }
        return Templates(directory: found.standardizedFileURL)
    }

    public func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    public func structureRules() throws -> StructureRules { try StructureRules(directory: directory) }

    /// The domain lexicon; an absent file is an empty lexicon.
    public func lexicon() throws -> Lexicon {
        let url = url("lexicon.txt")
        guard FileManager.default.fileExists(atPath: url.path) else { return Lexicon() }
        do { return Lexicon(contentsOf: try String(contentsOf: url, encoding: .utf8)) } catch {
            throw TemplateError(file: url.path, line: 0, message: "cannot read lexicon: \(error.localizedDescription)")
        }
    }

    /// Highlight cues for the summarizer, one a line; nil when the file is absent.
    public func highlightCues() throws -> [String]? {
        let url = url("highlights.txt")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return Lexicon.entries(of: try String(contentsOf: url, encoding: .utf8))
        } catch {
            throw TemplateError(file: url.path, line: 0, message: "cannot read highlight cues: \(error.localizedDescription)")
        }
    }
}
