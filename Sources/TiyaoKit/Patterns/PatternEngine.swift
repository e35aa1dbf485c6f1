/// Applies a pattern library to documents. Sentence patterns read each sentence,
/// line patterns each line, always on the normalized shadow; matches and slot values
/// are reported in the original script. Not thread-safe (the regexes hold matchers).
public final class PatternEngine {
    public struct Match: Codable, Sendable {
        public var pattern: String
        public var name: String
        public var text: String
        public var slots: [String: String]
        public var line: Int
        /// UTF-16 offset of the match in its line.
        public var column: Int
    }

    /// A user pattern that ran past its time limit: reported, never a hang.
    public struct TimeLimitExceeded: Error, CustomStringConvertible {
        public var pattern: PhrasePattern
        public var path: String
        public var line: Int
        public var description: String {
            "\(pattern.file):\(pattern.line): pattern '\(pattern.id)' exceeded its time limit on \(path):\(line) (catastrophic backtracking?)"
        }
    }

    public let library: PatternLibrary

    public init(library: PatternLibrary) { self.library = library }

    /// Roles whose text is the author's (page furniture is never matched).
    static let readRoles: Set<Line.Role> = [.title, .subtitle, .abstract, .heading, .body, .salutation, .closing]

    public func matches(in document: Document) throws -> [Match] {
        var result: [Match] = []
        for (index, pattern) in library.patterns.enumerated() {
            let regex = library.regexes[index]
            func run(_ units: ArraySlice<UInt16>, original: ArraySlice<UInt16>, line: Int) throws {
                let text = Array(units)
                let found: [ICURegex.Match]
                do { found = try regex.matches(in: text) } catch ICURegex.Failure.timeLimit {
                    throw TimeLimitExceeded(pattern: pattern, path: document.path, line: line)
                }
                let base = original.startIndex
                for match in found where !match.range.isEmpty {
                    func originalText(_ range: Range<Int>) -> String {
                        String(utf16Units: original[(base + range.lowerBound)..<(base + range.upperBound)])
                    }
                    result.append(Match(pattern: pattern.id, name: pattern.name, text: originalText(match.range),
                                        slots: match.groups.mapValues(originalText), line: line,
                                        column: base + match.range.lowerBound))
                }
            }
            switch pattern.scope {
            case .line:
                for line in document.lines where Self.readRoles.contains(line.role) {
                    try run(line.shadow[...], original: line.units[...], line: line.number)
                }
            case .sentence:
                for sentence in document.sentences where Self.readRoles.contains(sentence.role) {
                    let line = document.lines[sentence.line - 1]
                    try run(line.shadow[sentence.range], original: line.units[sentence.range], line: sentence.line)
                }
            }
        }
        result.sort { ($0.line, $0.column, $0.pattern) < ($1.line, $1.column, $1.pattern) }
        return result
    }

    /// The id of the first heading pattern a normalized sentence matches, if any
    /// (the structure parser groups such sentences into parallel series).
    public func headingPattern(of shadow: [UInt16]) -> String? {
        for (index, pattern) in library.patterns.enumerated() where pattern.heading {
            if (try? library.regexes[index].firstMatch(in: shadow)) != nil { return pattern.id }
        }
        return nil
    }
}
