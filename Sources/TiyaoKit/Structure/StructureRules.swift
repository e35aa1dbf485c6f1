import Foundation
import Yams

/// The user-editable rules of `templates/structure.yaml`: regular expressions that
/// recognise page chrome, bylines, captions, abstract markers, salutations and closings.
public final class StructureRules {
    public enum Kind: String, CaseIterable {
        case chrome, byline, caption
        case abstractMarkers = "abstract_markers"
        case salutation, closing
    }

    private(set) var rules: [Kind: [ICURegex]] = [:]

    public init(yaml: String, file: String = "structure.yaml") throws {
        let loaded = try Yams.load(yaml: yaml)
        guard let table = loaded as? [String: Any] else {
            throw TemplateError(file: file, line: 1, message: "expected a mapping of rule lists")
        }
        for (key, value) in table {
            guard let kind = Kind(rawValue: key) else {
                throw TemplateError(file: file, line: Self.line(of: key + ":", in: yaml),
                                    message: "unknown rule list '\(key)' (known: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let patterns = value as? [String] else {
                throw TemplateError(file: file, line: Self.line(of: key + ":", in: yaml), message: "'\(key)' must be a list of regular expressions")
            }
            rules[kind] = try patterns.map { pattern in
                do { return try ICURegex(pattern) } catch {
                    throw TemplateError(file: file, line: Self.line(of: pattern, in: yaml), message: "\(error)")
                }
            }
        }
    }

    public convenience init(directory: URL) throws {
        let url = directory.appendingPathComponent("structure.yaml")
        let yaml: String
        do { yaml = try String(contentsOf: url, encoding: .utf8) } catch {
            throw TemplateError(file: url.path, line: 0, message: "cannot read structure rules")
        }
        try self.init(yaml: yaml, file: url.path)
    }

    /// Whether any rule of `kind` finds a match in the normalized line.
    func matches(_ kind: Kind, _ shadow: ArraySlice<UInt16>) -> Bool {
        guard let list = rules[kind] else { return false }
        let text = Array(shadow)
        return list.contains { (try? $0.firstMatch(in: text)) != nil }
    }

    /// The match of the first rule of `kind` that matches, if any.
    func firstMatch(_ kind: Kind, _ shadow: ArraySlice<UInt16>) -> ICURegex.Match? {
        let text = Array(shadow)
        for regex in rules[kind] ?? [] {
            if let match = try? regex.firstMatch(in: text) {
                // Report the match in the slice's own indices.
                let base = shadow.startIndex
                return ICURegex.Match(range: (match.range.lowerBound + base)..<(match.range.upperBound + base), groups: match.groups)
            }
        }
        return nil
    }

    static func line(of needle: String, in text: String) -> Int {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.contains(needle) { return index + 1 }
        return 1
    }
}

/// A problem in a user's template, pattern or rule file, reported as `file:line: message`.
public struct TemplateError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}
