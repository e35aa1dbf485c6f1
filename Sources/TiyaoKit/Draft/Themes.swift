import Foundation
import Yams

/// The themes of organization work (`templates/themes.yaml`), each with keywords, and
/// the scoring that assigns a section of a document to one of them.
public struct ThemeSet: Sendable {
    public struct Theme: Sendable {
        public var id: String
        public var name: String
        public var keywords: [String]
    }

    public struct Score: Codable, Sendable {
        public var theme: String
        public var score: Double
        /// Keywords found, with how often.
        public var hits: [String: Int]
    }

    public var themes: [Theme]

    public init(themes: [Theme]) { self.themes = themes }

    public init(templates: Templates) throws {
        let url = templates.url("themes.yaml")
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw TemplateError(file: url.path, line: 0, message: "cannot read themes")
        }
        try self.init(yaml: text, file: url.path)
    }

    public init(yaml: String, file: String) throws {
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch {
            throw TemplateError(file: file, line: PatternFile.yamlLine(of: error), message: "not valid YAML: \(PatternFile.yamlProblem(of: error))")
        }
        guard let list = root?["themes"]?.sequence else {
            throw TemplateError(file: file, line: 1, message: "expected a top-level 'themes:' list")
        }
        var themes: [Theme] = []
        for node in list {
            let line = node.mark?.line ?? 1
            guard let id = node["id"]?.string, !id.isEmpty else {
                throw TemplateError(file: file, line: line, message: "a theme needs an 'id'")
            }
            guard let keywords = node["keywords"]?.sequence?.compactMap(\.string), !keywords.isEmpty else {
                throw TemplateError(file: file, line: line, message: "theme '\(id)' needs a non-empty 'keywords' list")
            }
            if themes.contains(where: { $0.id == id }) {
                throw TemplateError(file: file, line: line, message: "duplicate theme '\(id)'")
            }
            themes.append(Theme(id: id, name: node["name"]?.string ?? id, keywords: keywords))
        }
        self.themes = themes
    }

    public func theme(_ id: String) -> Theme? { themes.first { $0.id == id || $0.name == id } }

    /// Scores of a section for every theme, best first: keyword occurrences per 100
    /// characters of text, the heading's counting three times. Ties keep file order.
    public func scores(heading: String, body: String) -> [Score] {
        let length = Double(max(body.count + heading.count, 50))
        return themes.map { theme in
            var hits: [String: Int] = [:]
            var total = 0.0
            for keyword in theme.keywords {
                let inHeading = heading.occurrences(of: keyword), inBody = body.occurrences(of: keyword)
                guard inHeading + inBody > 0 else { continue }
                hits[keyword] = inHeading + inBody
                // Longer keywords are more specific.
                let weight = Double(min(keyword.count, 4)) / 2
                total += weight * Double(3 * inHeading + inBody)
            }
            return Score(theme: theme.id, score: (total * 100 / length * 1000).rounded() / 1000, hits: hits)
        }
        .enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
    }
}

extension String {
    /// Non-overlapping occurrences of `needle`.
    func occurrences(of needle: String) -> Int {
        guard !needle.isEmpty else { return 0 }
        var count = 0
        var rest = self[...]
        while let range = rest.range(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }
}
