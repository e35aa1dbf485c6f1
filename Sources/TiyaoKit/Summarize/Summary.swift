import Foundation

/// A one-page briefing (简报) of one document: title, abstract, the key sentences of
/// each section, key figures, numbered slogans and keyphrases. Every text is exactly as
/// in the source and cites its 1-based line (unless converted with `converted(to:)`).
///
/// JSON (`tiyao summarize --format json`): `title` (string or null), `method`, `budget`,
/// `sentences` `[{text, line, section?, score?, heading?}]` in output (document) order,
/// `abstract`, `keyphrases`, `figures` `[{text, line}]`, `slogans` `[{text, count, lines}]`.
public struct Summary: Sendable, Encodable {
    public struct Sentence: Sendable, Encodable {
        public var text: String
        public var line: Int
        /// The top-level section heading the sentence stands under.
        public var section: String?
        /// The method's score of the sentence (absent for `lead`).
        public var score: Double?
        /// The heading level when the sentence is one of the author's headings.
        public var heading: Int?
        var group: Int

        enum CodingKeys: String, CodingKey { case text, line, section, score, heading }
    }

    public struct Span: Sendable, Codable, Equatable {
        public var text: String
        public var line: Int
    }

    public struct Slogan: Sendable, Codable, Equatable {
        public var text: String
        public var count: Int
        public var lines: [Int]
    }

    struct Section: Sendable {
        var heading: String
        var line: Int
        var endLine: Int
        var group: Int
    }

    public var file: String
    public var title: String?
    public var method: String
    public var budget: String
    public var sentences: [Sentence]
    public var abstract: [Span]
    var sections: [Section]
    public var keyphrases: [String]
    public var figures: [Span]
    public var slogans: [Slogan]
    /// Characters of the whole document.
    public var characters: Int

    /// Characters (Unicode scalars, as budgets count them) of the selected sentences.
    public var length: Int { sentences.reduce(0) { $0 + $1.text.unicodeScalars.count } }

    /// The selected sentences joined, as the evaluation reads them.
    public var text: String { sentences.map(\.text).joined() }

    enum CodingKeys: String, CodingKey {
        case file, title, method, budget, sentences, abstract, keyphrases, figures, slogans, characters, length
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(title, forKey: .title)  // null when the document has none
        try container.encode(method, forKey: .method)
        try container.encode(budget, forKey: .budget)
        try container.encode(sentences, forKey: .sentences)
        try container.encode(abstract, forKey: .abstract)
        try container.encode(keyphrases, forKey: .keyphrases)
        try container.encode(figures, forKey: .figures)
        try container.encode(slogans, forKey: .slogans)
        try container.encode(characters, forKey: .characters)
        try container.encode(length, forKey: .length)
    }

    /// Every text converted to `script` character by character (line numbers unchanged).
    public func converted(to script: ScriptConverter.Script, using converter: ScriptConverter) -> Summary {
        func c(_ s: String) -> String { converter.convert(s, to: script) }
        var copy = self
        copy.title = title.map(c)
        copy.sentences = sentences.map { var s = $0; s.text = c(s.text); s.section = s.section.map(c); return s }
        copy.abstract = abstract.map { Span(text: c($0.text), line: $0.line) }
        copy.sections = sections.map { Section(heading: c($0.heading), line: $0.line, endLine: $0.endLine, group: $0.group) }
        copy.keyphrases = keyphrases.map(c)
        copy.figures = figures.map { Span(text: c($0.text), line: $0.line) }
        copy.slogans = slogans.map { Slogan(text: c($0.text), count: $0.count, lines: $0.lines) }
        return copy
    }
}

// MARK: - The one-page briefing as text and Markdown

extension Summary {
    /// How many figures and slogans a briefing lists (JSON has them all).
    static let briefingListLimit = 12

    /// Blocks of the briefing: 概要, then each top-level section with its sentences.
    private var blocks: [(heading: Section?, sentences: [Sentence])] {
        let abstractLines = Set(abstract.map(\.line))
        var result: [(heading: Section?, sentences: [Sentence])] = [(nil, [])]
        for section in sections { result.append((section, [])) }
        for sentence in sentences where !abstractLines.contains(sentence.line) {
            // A selected top-level heading is printed as its section's heading.
            if sections.contains(where: { $0.group == sentence.group && ($0.line...$0.endLine).contains(sentence.line) }),
               sentence.heading != nil, sentence.heading! <= 1 { continue }
            let index = sentence.group == 0 ? 0 : (sections.firstIndex { $0.group == sentence.group }.map { $0 + 1 } ?? 0)
            result[index].sentences.append(sentence)
        }
        return result
    }

    /// The figures a briefing lists: each text once, those that say what they count (or are
    /// shares and large sums) first, at most `briefingListLimit`, in document order.
    var briefingFigures: (shown: [Span], more: Int) {
        var seen = Set<String>()
        let unique = figures.filter { seen.insert($0.text).inserted }
        func informative(_ figure: Span) -> Bool {
            let afterNumber = figure.text.unicodeScalars.reversed().prefix { !CharacterSet.decimalDigits.contains($0) }
            return afterNumber.count >= 3 || figure.text.contains("%") || figure.text.contains("万") || figure.text.contains("萬")
                || figure.text.contains("亿") || figure.text.contains("億")
        }
        let ranked = unique.indices.sorted { (informative(unique[$0]) ? 0 : 1, $0) < (informative(unique[$1]) ? 0 : 1, $1) }
        let shown = ranked.prefix(Self.briefingListLimit).sorted().map { unique[$0] }
        return (shown, unique.count - shown.count)
    }

    private func cite(_ line: Int) -> String { "〔第\(line)行〕" }
    private func cite(_ lines: [Int]) -> String { "〔第" + lines.map(String.init).joined(separator: "、") + "行〕" }

    public func briefingText() -> String {
        var out = (title ?? "(无标题) \(file)") + "\n"
        out += "简报 · \(file) · 全文 \(characters) 字 · 摘要 \(length) 字 · \(method)\n"
        let parts = blocks
        if !abstract.isEmpty || !parts[0].sentences.isEmpty {
            out += "\n概要\n"
            for span in abstract { out += "  \(span.text) \(cite(span.line))\n" }
            for sentence in parts[0].sentences { out += "  \(sentence.text) \(cite(sentence.line))\n" }
        }
        for part in parts.dropFirst() {
            guard let heading = part.heading else { continue }
            out += "\n\(heading.heading) \(cite(heading.line))\n"
            for sentence in part.sentences { out += "  · \(sentence.text) \(cite(sentence.line))\n" }
        }
        if !figures.isEmpty {
            let (shown, more) = briefingFigures
            out += "\n数字亮点\n"
            for figure in shown { out += "  · \(figure.text) \(cite(figure.line))\n" }
            if more > 0 { out += "  (另有 \(more) 项)\n" }
        }
        if !slogans.isEmpty {
            out += "\n提法\n"
            for slogan in slogans.prefix(Self.briefingListLimit) { out += "  · \(slogan.text) ×\(slogan.count) \(cite(slogan.lines))\n" }
            if slogans.count > Self.briefingListLimit { out += "  (另有 \(slogans.count - Self.briefingListLimit) 项)\n" }
        }
        if !keyphrases.isEmpty { out += "\n关键词\n  " + keyphrases.joined(separator: " · ") + "\n" }
        return out
    }

    public func briefingMarkdown() -> String {
        var out = "# " + (title ?? "(无标题) \(file)") + "\n\n"
        out += "*简报 · `\(file)` · 全文 \(characters) 字 · 摘要 \(length) 字 · \(method)*\n"
        let parts = blocks
        if !abstract.isEmpty || !parts[0].sentences.isEmpty {
            out += "\n## 概要\n\n"
            for span in abstract { out += "> \(span.text) \(cite(span.line))\n>\n" }
            if !abstract.isEmpty { out.removeLast(2); out += "\n" }
            for sentence in parts[0].sentences { out += "- \(sentence.text) \(cite(sentence.line))\n" }
        }
        for part in parts.dropFirst() {
            guard let heading = part.heading else { continue }
            out += "\n## \(heading.heading) \(cite(heading.line))\n\n"
            for sentence in part.sentences { out += "- \(sentence.text) \(cite(sentence.line))\n" }
        }
        if !figures.isEmpty {
            let (shown, more) = briefingFigures
            out += "\n## 数字亮点\n\n"
            for figure in shown { out += "- **\(figure.text)** \(cite(figure.line))\n" }
            if more > 0 { out += "- (另有 \(more) 项)\n" }
        }
        if !slogans.isEmpty {
            out += "\n## 提法\n\n"
            for slogan in slogans.prefix(Self.briefingListLimit) { out += "- \(slogan.text) ×\(slogan.count) \(cite(slogan.lines))\n" }
            if slogans.count > Self.briefingListLimit { out += "- (另有 \(slogans.count - Self.briefingListLimit) 项)\n" }
        }
        if !keyphrases.isEmpty { out += "\n## 关键词\n\n" + keyphrases.joined(separator: " · ") + "\n" }
        return out
    }
}
