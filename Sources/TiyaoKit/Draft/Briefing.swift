/// A 简报: the key sentences and figures of each document's sections, grouped by theme,
/// every one quoted with its source. One document gives its outline in document order.
public struct Briefing: Codable, Sendable {
    public typealias Source = SpeechDraft.Source
    public typealias Quote = SpeechDraft.Quote

    public struct Item: Codable, Sendable {
        /// The document's path.
        public var document: String
        public var title: String?
        /// The section's heading (the document's title for a document without headings).
        public var heading: String
        public var source: Source
        /// The section's sub-headings (its points), as the author wrote them.
        public var points: [Quote]
        public var sentences: [Quote]
        public var figures: [Quote]
        /// Theme scores of the section, best first (shown by --explain).
        public var scores: [ThemeSet.Score]?
    }

    public struct Group: Codable, Sendable {
        public var theme: String
        public var name: String
        public var items: [Item]
    }

    public var title: String
    public var documents: [String]
    public var themes: [Group]
}

/// Builds briefings from material; the caller chooses each section's key sentences
/// and figures (the summarizer does, in the command).
public struct BriefingBuilder {
    public typealias Picker = (_ document: Document, _ section: Material.Section) -> (sentences: [Sentence], figures: [(text: String, line: Int)])

    public var material: Material
    public var themes: ThemeSet
    public var pick: Picker

    public init(material: Material, themes: ThemeSet, pick: @escaping Picker) {
        self.material = material
        self.themes = themes
        self.pick = pick
    }

    /// - Parameters:
    ///   - only: keep these themes (ids or names); empty keeps all.
    ///   - explain: include every section's theme scores.
    public func build(title: String, only: [String] = [], explain: Bool = false) -> Briefing {
        var groups: [String: [Briefing.Item]] = [:]
        let single = material.documents.count == 1
        for section in material.sections {
            // One document: its sections in order under one group; else by theme.
            let theme = single ? "outline" : (section.theme ?? "其他")
            let document = material.documents[section.document]
            let (sentences, figures) = pick(document, section)
            guard !sentences.isEmpty || section.heading != nil else { continue }
            let headingLine = section.heading.map { document.headings[$0].line } ?? document.title?.number ?? sentences.first?.line ?? 1
            groups[theme, default: []].append(Briefing.Item(
                document: document.path, title: document.title?.text, heading: section.headingText,
                source: .init(file: document.path, line: headingLine),
                points: section.points.map { .init(text: $0.text, source: .init(file: document.path, line: $0.line)) },
                sentences: sentences.map { .init(text: $0.text, source: .init(file: document.path, line: $0.line)) },
                figures: figures.map { .init(text: $0.text, source: .init(file: document.path, line: $0.line)) },
                scores: explain ? section.scores : nil))
        }
        let wanted = Set(only.compactMap { themes.theme($0)?.id } + only)
        var ordered: [Briefing.Group] = []
        if single {
            ordered = [Briefing.Group(theme: "outline", name: material.documents[0].title?.text ?? material.documents[0].path, items: groups["outline"] ?? [])]
        } else {
            for theme in themes.themes where groups[theme.id] != nil && (wanted.isEmpty || wanted.contains(theme.id)) {
                ordered.append(.init(theme: theme.id, name: theme.name, items: groups[theme.id]!))
            }
            if let other = groups["其他"], wanted.isEmpty { ordered.append(.init(theme: "其他", name: "其他", items: other)) }
        }
        return Briefing(title: title, documents: material.documents.map(\.path), themes: ordered)
    }
}

extension Briefing {
    /// Mustache context: `title`, `file` (one document), `documentCount`, `themes` with
    /// `number`, `theme`, `name`, `items` with `document`, `title`, `heading`, `cite`,
    /// `points`, `sentences` and `figures` (`text`, `cite`), `hasFigures`.
    public func templateContext() -> [String: Any] {
        func quote(_ quote: Quote) -> [String: Any] {
            ["text": quote.text, "cite": "\(quote.source.file):\(quote.source.line)"]
        }
        return [
            "title": title, "file": documents.first ?? "", "documentCount": documents.count,
            "themes": themes.enumerated().map { index, group -> [String: Any] in
                [
                    "number": ChineseNumber.format(index + 1), "theme": group.theme, "name": group.name,
                    "items": group.items.map { item -> [String: Any] in
                        [
                            "document": item.document, "title": item.title ?? "", "heading": item.heading,
                            "cite": "\(item.source.file):\(item.source.line)",
                            "points": item.points.map(quote),
                            "sentences": item.sentences.map(quote), "figures": item.figures.map(quote),
                            "hasFigures": !item.figures.isEmpty,
                        ]
                    },
                ]
            },
        ]
    }

    static var sample: Briefing {
        let source = Source(file: "corpus/sample.txt", line: 1)
        let item = Item(document: "corpus/sample.txt", title: "示例", heading: "示例标题", source: source,
                        points: [Quote(text: "示例要点。", source: source)], sentences: [Quote(text: "示例句。", source: source)], figures: [Quote(text: "3个", source: source)], scores: nil)
        return Briefing(title: "组织工作简报", documents: ["corpus/sample.txt"], themes: [Group(theme: "理论武装", name: "理论武装", items: [item])])
    }
}

extension Briefing {
    /// The briefing with quoted text converted character by character (sources unchanged).
    public func converted(to script: ScriptConverter.Script, with converter: ScriptConverter) -> Briefing {
        var briefing = self
        for g in briefing.themes.indices {
            for i in briefing.themes[g].items.indices {
                var item = briefing.themes[g].items[i]
                item.heading = converter.convert(item.heading, to: script)
                item.points = item.points.map { $0.converted(to: script, with: converter) }
                item.sentences = item.sentences.map { $0.converted(to: script, with: converter) }
                item.figures = item.figures.map { $0.converted(to: script, with: converter) }
                briefing.themes[g].items[i] = item
            }
        }
        return briefing
    }

    /// Why each section went where it did: its best themes and their scores.
    public func explanation() -> String {
        var out = "\n> 主题归类依据(关键词得分):\n"
        for group in themes {
            for item in group.items {
                let scores = (item.scores ?? []).prefix(3).map { score in
                    "\(score.theme) \(String(format: "%.2f", score.score))(\(score.hits.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).map { "\($0.key)×\($0.value)" }.joined(separator: " ")))"
                }
                out += "> - \(item.heading) 〔\(item.source.file):\(item.source.line)〕 → \(group.name): \(scores.joined(separator: "; "))\n"
            }
        }
        return out
    }
}
