import Foundation

/// The outline of a document as users and the evaluation read it
/// (`tiyao outline --format json`): the title and a flat list of headings in order.
public struct Outline: Codable, Sendable {
    public struct Entry: Codable, Sendable {
        public var level: Int
        public var text: String
        public var line: Int
        public var shape: Heading.Shape
        /// The heading pattern it matches (see `tiyao patterns`), if any.
        public var pattern: String?
    }

    public struct Span: Codable, Sendable {
        public var text: String
        public var line: Int
    }

    public var file: String
    public var encoding: String
    public var script: ScriptConverter.Script
    public var title: String?
    public var subtitle: String?
    public var headings: [Entry]
    public var abstract: [Span]
    public var bylines: [Span]
    public var captions: [Span]
    public var chrome: [Span]
    public var salutation: Span?
    public var closing: Span?

    public init(_ document: Document) {
        func spans(_ role: Line.Role) -> [Span] {
            document.lines(role).map { Span(text: $0.text.trimmingCharacters(in: .whitespaces), line: $0.number) }
        }
        file = document.path
        encoding = document.encoding
        script = document.script
        title = document.title?.text.trimmingCharacters(in: .whitespaces)
        let subtitles = document.subtitles.map { $0.text.trimmingCharacters(in: .whitespaces) }
        subtitle = subtitles.isEmpty ? nil : subtitles.joined(separator: " ")
        headings = document.headings.map { Entry(level: $0.level, text: $0.text, line: $0.line, shape: $0.shape, pattern: $0.pattern) }
        abstract = spans(.abstract)
        bylines = spans(.byline)
        captions = spans(.caption)
        chrome = spans(.chrome)
        salutation = spans(.salutation).first
        closing = spans(.closing).first
    }

    enum CodingKeys: String, CodingKey {
        case file, encoding, script, title, subtitle, headings, abstract, bylines, captions, chrome, salutation, closing
    }

    /// Absent values are written as null (the schema always has `title`).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(encoding, forKey: .encoding)
        try container.encode(script, forKey: .script)
        try container.encode(title, forKey: .title)
        try container.encode(subtitle, forKey: .subtitle)
        try container.encode(headings, forKey: .headings)
        try container.encode(abstract, forKey: .abstract)
        try container.encode(bylines, forKey: .bylines)
        try container.encode(captions, forKey: .captions)
        try container.encode(chrome, forKey: .chrome)
        try container.encode(salutation, forKey: .salutation)
        try container.encode(closing, forKey: .closing)
    }

    /// An indented tree with line numbers.
    public func text() -> String {
        var out = ""
        if let title { out += "\(title)\n" }
        if let subtitle { out += "\(subtitle)\n" }
        if title != nil || subtitle != nil { out += "\n" }
        let width = String(headings.map(\.line).max() ?? 0).count
        for heading in headings {
            let number = String(heading.line)
            out += String(repeating: " ", count: width - number.count) + number + "  "
            out += String(repeating: "  ", count: heading.level - 1) + heading.text
            out += heading.pattern.map { "  [\($0)]" } ?? ""
            out += "\n"
        }
        if headings.isEmpty { out += "(no headings found)\n" }
        return out
    }

    /// `#` for the title, `##` for level 1, and so on.
    public func markdown() -> String {
        var out = ""
        if let title { out += "# \(title)\n\n" }
        if let subtitle { out += "*\(subtitle)*\n\n" }
        for heading in headings {
            out += String(repeating: "#", count: min(heading.level + 1, 6)) + " \(heading.text)\n\n"
        }
        return out
    }
}
