/// A document as read: its lines in the original script, the normalized shadow the
/// analysis works on, what each line is, its sentences and its headings. Everything
/// keeps its 1-based line number and offsets, so any output can cite `file:line`.
public struct Document: Sendable {
    /// Where the text came from ("-" for standard input).
    public var path: String
    public var encoding: String
    public var script: ScriptConverter.Script
    public var lines: [Line]
    public var sentences: [Sentence]
    public var headings: [Heading]

    public var title: Line? { lines.first { $0.role == .title } }
    public var subtitles: [Line] { lines.filter { $0.role == .subtitle } }
    public var abstract: [Line] { lines.filter { $0.role == .abstract } }
    public func lines(_ role: Line.Role) -> [Line] { lines.filter { $0.role == role } }

    /// Number of characters (Unicode scalars) in the text.
    public var characterCount: Int { lines.reduce(0) { $0 + $1.text.unicodeScalars.count + 1 } }
}

public struct Line: Sendable {
    public enum Role: String, Codable, Sendable, CaseIterable {
        case blank, title, subtitle, byline, caption, chrome
        case abstractMarker = "abstract-marker", abstract
        case salutation, closing, heading, body
    }

    /// 1-based line number in the source.
    public var number: Int
    /// The line as in the source, without its line break.
    public var text: String
    /// Offset of the line's first character in the document, in Unicode scalars.
    public var offset: Int
    public var role: Role = .body
    /// UTF-16 units of `text`, and the analysis shadow: simplified, NFKC punctuation,
    /// unit for unit the same length, so shadow offsets are text offsets.
    var units: [UInt16]
    var shadow: [UInt16]
    /// Sentence ranges (UTF-16, in `units`) of this line.
    var sentenceRanges: [Range<Int>] = []

    /// Text of a UTF-16 range of this line, in the original script.
    func text(_ range: Range<Int>) -> String { String(utf16Units: units[range]) }
    func shadowText(_ range: Range<Int>) -> String { String(utf16Units: shadow[range]) }

    /// Scalar offset in the document of a UTF-16 offset in this line.
    func documentOffset(ofUTF16 index: Int) -> Int {
        var surrogates = 0
        for unit in units[..<index] where (0xDC00...0xDFFF).contains(unit) { surrogates += 1 }
        return offset + index - surrogates
    }

    var isBlank: Bool { shadow.allSatisfy(Punctuation.isSpace) }
}

public struct Sentence: Sendable {
    /// The sentence exactly as in the source.
    public var text: String
    /// The sentence in the analysis shadow (simplified, NFKC punctuation).
    public var shadow: String
    public var line: Int
    /// Offset in the document, in Unicode scalars.
    public var offset: Int
    /// Position within its line (paragraph): 0 is the lead sentence.
    public var indexInParagraph: Int
    public var paragraphCount: Int
    public var role: Line.Role
    /// Index into `Document.headings` of the heading this sentence is (a lead or inline point).
    public var headingIndex: Int?
    /// Index into `Document.headings` of the innermost heading above it, if any.
    public var sectionIndex: Int?
    var range: Range<Int>
}

public struct Heading: Sendable {
    /// How the heading stands in the text.
    public enum Shape: String, Codable, Sendable {
        case standalone      // a short line of its own
        case twoLine = "two-line"
        case slogan          // “三抓三强”:…
        case numbered        // 一、 (一) 1. (1) 第一,
        case lead            // a paragraph's first sentence in a parallel series
        case inline          // a short sentence inside a paragraph, in a parallel series
    }

    public var level: Int
    /// Exactly as in the source (two-line headings joined by one space).
    public var text: String
    public var line: Int
    /// Last line of a two-line heading.
    public var endLine: Int
    public var shape: Shape
    /// Index of the enclosing heading in `Document.headings`, if any.
    public var parent: Int?
    /// The shadow text (simplified, NFKC) the patterns and summarizer read.
    public var shadow: String
    /// The heading pattern (from `templates/patterns`) the heading matches, if any.
    public var pattern: String?
    /// UTF-16 offset in its line where the heading starts (0 for heading lines).
    var position: Int = 0
}
