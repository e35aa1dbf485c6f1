import Foundation
import Yams

/// All phrase patterns of a template library, loaded from `patterns/*.yaml` and compiled.
public final class PatternLibrary {
    public let patterns: [PhrasePattern]
    /// Compiled regexes, one per pattern, in the same order.
    let regexes: [ICURegex]

    /// Steps of ICU's match engine allowed per match (on the order of a millisecond each).
    public static let timeLimit: Int32 = 400

    public init(patterns: [PhrasePattern]) throws {
        self.patterns = patterns
        regexes = try patterns.map { pattern in
            do { return try ICURegex(pattern.regex, timeLimit: Self.timeLimit) } catch {
                throw TemplateError(file: pattern.file, line: pattern.line, message: "pattern '\(pattern.id)': \(error)")
            }
        }
    }

    /// Loads every `*.yaml` file in `templates/patterns/`; the first problem is thrown.
    public convenience init(templates: Templates) throws {
        let (patterns, problems) = Self.load(directory: templates.url("patterns"))
        if let first = problems.first { throw first }
        try self.init(patterns: patterns)
    }

    /// Reads the pattern files, collecting every problem instead of stopping at the first.
    public static func load(directory: URL) -> (patterns: [PhrasePattern], problems: [TemplateError]) {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var patterns: [PhrasePattern] = [], problems: [TemplateError] = []
        var seen: [String: String] = [:]
        for name in files {
            let url = directory.appendingPathComponent(name)
            let path = url.path
            do {
                let text = try String(contentsOf: url, encoding: .utf8)
                let parsed = try PatternFile.parse(text, file: path)
                problems += parsed.problems
                for pattern in parsed.patterns {
                    if let other = seen[pattern.id] {
                        problems.append(TemplateError(file: path, line: pattern.line, message: "duplicate pattern id '\(pattern.id)' (also in \(other))"))
                        continue
                    }
                    seen[pattern.id] = "\(path):\(pattern.line)"
                    patterns.append(pattern)
                }
            } catch let error as TemplateError {
                problems.append(error)
            } catch {
                problems.append(TemplateError(file: path, line: 1, message: "\(error)"))
            }
        }
        return (patterns, problems)
    }

    public func pattern(id: String) -> PhrasePattern? { patterns.first { $0.id == id } }

    /// Runs a pattern's examples; returns a message for each that fails.
    public func checkExamples(of index: Int) -> [TemplateError] {
        let pattern = patterns[index], regex = regexes[index]
        var problems: [TemplateError] = []
        for example in pattern.matchExamples {
            let units = Array(example.text.utf16)
            do {
                guard let match = try regex.firstMatch(in: units) else {
                    problems.append(TemplateError(file: pattern.file, line: example.line, message: "pattern '\(pattern.id)': example does not match: \(example.text)"))
                    continue
                }
                for (slot, expected) in example.slots.sorted(by: { $0.key < $1.key }) {
                    let actual = match.groups[slot].map { String(utf16Units: units[$0]) }
                    if actual != expected {
                        problems.append(TemplateError(file: pattern.file, line: example.line,
                                                      message: "pattern '\(pattern.id)': slot '\(slot)' is '\(actual ?? "(none)")', expected '\(expected)' in: \(example.text)"))
                    }
                }
            } catch {
                problems.append(TemplateError(file: pattern.file, line: example.line, message: "pattern '\(pattern.id)': \(error)"))
            }
        }
        for example in pattern.noMatchExamples {
            do {
                if try regex.firstMatch(in: Array(example.text.utf16)) != nil {
                    problems.append(TemplateError(file: pattern.file, line: example.line, message: "pattern '\(pattern.id)': must not match but does: \(example.text)"))
                }
            } catch {
                problems.append(TemplateError(file: pattern.file, line: example.line, message: "pattern '\(pattern.id)': \(error)"))
            }
        }
        for slot in [pattern.countSlot, pattern.memberChars].compactMap({ $0 }) where !pattern.slotNames.contains(slot) {
            problems.append(TemplateError(file: pattern.file, line: pattern.line, message: "pattern '\(pattern.id)': names slot '\(slot)' that the regex does not declare"))
        }
        if let form = pattern.generate {
            for name in Self.holes(in: form) where !pattern.slotNames.contains(name) {
                problems.append(TemplateError(file: pattern.file, line: pattern.line, message: "pattern '\(pattern.id)': generate uses {\(name)}, not a slot of the regex"))
            }
        }
        return problems
    }

    static func holes(in form: String) -> [String] {
        var names: [String] = []
        var rest = form[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
