import Foundation
import Mustache

/// The Mustache templates under `templates/drafts/`: one file a template, named by its
/// file name (`交流发言.mustache` is `交流发言`); files starting with `_` are partials.
/// Partials are checked for recursion before anything renders, so a template that
/// includes itself is an error, never a crash.
public struct DraftTemplates {
    public let directory: URL
    let library: MustacheLibrary
    public let names: [String]
    /// Source text of each template, for checks.
    let sources: [String: String]

    /// Deepest chain of partials allowed.
    public static let maximumPartialDepth = 8

    public init(templates: Templates) throws {
        let (loaded, problems) = Self.load(templates.url("drafts"))
        if let first = problems.first { throw first }
        self = loaded
    }

    /// Loads every template, collecting problems: syntax errors, missing or recursive partials.
    static func load(_ directory: URL) -> (DraftTemplates, [TemplateError]) {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".mustache") }.sorted()
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        var problems: [TemplateError] = []
        for file in files {
            let name = String(file.dropLast(".mustache".count))
            let path = directory.appendingPathComponent(file).path
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                problems.append(TemplateError(file: path, line: 0, message: "cannot read template"))
                continue
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                sources[name] = text
            } catch let error as MustacheTemplate.ParserError {
                problems.append(TemplateError(file: path, line: error.context.lineNumber, message: "Mustache syntax error: \(error.error)"))
            } catch {
                problems.append(TemplateError(file: path, line: 1, message: "Mustache syntax error: \(error)"))
            }
        }
        problems += partialProblems(sources, directory: directory)
        let templates = DraftTemplates(directory: directory, library: library,
                                       names: sources.keys.filter { !$0.hasPrefix("_") }.sorted(), sources: sources)
        return (templates, problems)
    }

    private init(directory: URL, library: MustacheLibrary, names: [String], sources: [String: String]) {
        self.directory = directory
        self.library = library
        self.names = names
        self.sources = sources
    }

    public func render(_ name: String, _ context: [String: Any]) throws -> String {
        guard sources[name] != nil, !name.hasPrefix("_") else {
            throw TemplateError(file: directory.appendingPathComponent("\(name).mustache").path, line: 0,
                                message: "no such template (have: \(names.joined(separator: ", ")))")
        }
        return library.render(context, withTemplate: name) ?? ""
    }

    // MARK: Checks

    /// `{{> name}}` references of a template, with their lines.
    static func partials(in text: String) -> [(name: String, line: Int)] {
        tags(in: text).filter { $0.sigil == ">" }.map { ($0.name, $0.line) }
    }

    /// Every tag: its sigil (`#`, `^`, `/`, `>`, `&`, `{`, `!`, or "" for a variable), name and line.
    static func tags(in text: String) -> [(sigil: String, name: String, line: Int)] {
        var result: [(String, String, Int)] = []
        var line = 1
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            line += rest[..<open.lowerBound].filter { $0 == "\n" }.count
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            var body = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            var sigil = ""
            if let first = body.first, "#^/>&{!=<$".contains(first) {
                sigil = String(first)
                body = String(body.dropFirst()).trimmingCharacters(in: .whitespaces)
            }
            if sigil == "{" { body = body.trimmingCharacters(in: CharacterSet(charactersIn: "}")) }
            if sigil == ">" { body = body.trimmingCharacters(in: CharacterSet(charactersIn: "*")) }
            result.append((sigil, body, line))
            line += rest[open.lowerBound..<close.upperBound].filter { $0 == "\n" }.count
            rest = rest[close.upperBound...]
        }
        return result
    }

    /// Missing partials, cycles among partials, and chains deeper than allowed.
    static func partialProblems(_ sources: [String: String], directory: URL) -> [TemplateError] {
        var problems: [TemplateError] = []
        func path(_ name: String) -> String { directory.appendingPathComponent("\(name).mustache").path }
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            for (partial, line) in partials(in: text) where sources[partial] == nil {
                problems.append(TemplateError(file: path(name), line: line, message: "partial '\(partial)' not found (no \(partial).mustache)"))
            }
        }
        // Depth-first search from every template; a name already on the stack is a cycle.
        func depth(_ name: String, _ stack: [String]) -> (Int, [String]?) {
            if stack.contains(name) { return (0, stack + [name]) }
            guard let text = sources[name] else { return (0, nil) }
            var deepest = 0
            for (partial, _) in partials(in: text) {
                let (d, cycle) = depth(partial, stack + [name])
                if let cycle { return (0, cycle) }
                deepest = max(deepest, d + 1)
            }
            return (deepest, nil)
        }
        for name in sources.keys.sorted() {
            let (d, cycle) = depth(name, [])
            let line = partials(in: sources[name]!).first?.line ?? 1
            if let cycle {
                problems.append(TemplateError(file: path(name), line: line, message: "recursive partials: \(cycle.joined(separator: " → "))"))
            } else if d > maximumPartialDepth {
                problems.append(TemplateError(file: path(name), line: line, message: "partials nest \(d) deep; at most \(maximumPartialDepth) allowed"))
            }
        }
        return problems
    }

    /// Variables a template uses that no context of tiyao provides.
    static func unknownVariables(_ text: String, known: Set<String>) -> [(name: String, line: Int)] {
        tags(in: text).filter { ["", "#", "^", "&", "{"].contains($0.sigil) && $0.name != "." }
            .filter { tag in tag.name.split(separator: ".").contains { !known.contains(String($0)) } }
            .map { ($0.name, $0.line) }
    }
}
