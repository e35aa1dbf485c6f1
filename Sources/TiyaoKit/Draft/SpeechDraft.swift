/// A draft speech outline: headings generated from ONE pattern family so they are truly
/// parallel, and points borrowed verbatim from the corpus with their sources. The frame
/// (title, salutation, opening, closing) is template text the user owns.
public struct SpeechDraft: Codable, Sendable {
    public struct Source: Codable, Sendable, Hashable {
        public var file: String
        public var line: Int
    }

    public struct Quote: Codable, Sendable {
        /// Exactly as in the source (or only script-converted).
        public var text: String
        public var source: Source
    }

    public struct Point: Codable, Sendable {
        public var text: String
        public var source: Source
        /// Sentences after the point in its source, as supporting material.
        public var support: [Quote]
    }

    public struct Section: Codable, Sendable {
        public var heading: String
        public var pattern: String
        public var theme: String
        public var points: [Point]
    }

    public var type: String
    public var topic: String
    public var pattern: String
    public var sections: [Section]
}

extension SpeechDraft.Quote {
    /// The quote in another script, character by character (its source unchanged).
    func converted(to script: ScriptConverter.Script, with converter: ScriptConverter) -> Self {
        var quote = self
        quote.text = converter.convert(text, to: script)
        return quote
    }
}

extension SpeechDraft {
    /// The draft with borrowed text converted character by character (sources unchanged).
    public func converted(to script: ScriptConverter.Script, with converter: ScriptConverter) -> SpeechDraft {
        var draft = self
        for s in draft.sections.indices {
            for p in draft.sections[s].points.indices {
                draft.sections[s].points[p].text = converter.convert(draft.sections[s].points[p].text, to: script)
                draft.sections[s].points[p].support = draft.sections[s].points[p].support.map { $0.converted(to: script, with: converter) }
            }
        }
        return draft
    }
}

/// Assembles a `SpeechDraft` from material.
public struct DraftBuilder {
    public var material: Material
    public var themes: ThemeSet
    public var library: PatternLibrary
    public var termsOf: (String) -> Set<String>

    public init(material: Material, themes: ThemeSet, library: PatternLibrary, termsOf: @escaping (String) -> Set<String>) {
        self.material = material
        self.themes = themes
        self.library = library
        self.termsOf = termsOf
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// - Parameters:
    ///   - themeIDs: one section per theme, in order.
    ///   - patternID: the pattern family every heading is generated from.
    ///   - seed: 0 for the best points; another value picks other good points, reproducibly.
    public func build(type: String, topic: String, themeIDs: [String], patternID: String,
                      pointsPerSection: Int = 3, seed: UInt64 = 0) throws -> SpeechDraft {
        guard let pattern = library.pattern(id: patternID) else {
            throw Failure(description: "unknown pattern '\(patternID)' (see templates/patterns)")
        }
        guard pattern.generate != nil else {
            throw Failure(description: "pattern '\(patternID)' has no 'generate' form to build headings from")
        }
        var sections: [SpeechDraft.Section] = []
        var used = Set<SpeechDraft.Source>()
        for id in themeIDs {
            guard let theme = themes.theme(id) else {
                throw Failure(description: "unknown theme '\(id)' (themes: \(themes.themes.map(\.id).joined(separator: ", ")))")
            }
            guard let fill = pattern.fills[theme.id] ?? pattern.fills[theme.name] else {
                throw Failure(description: "pattern '\(patternID)' has no fills for theme '\(theme.id)'; add them under 'fills:' in \(pattern.file)")
            }
            let values = fill.mapValues { $0.replacingOccurrences(of: "{topic}", with: topic) }
            guard let heading = pattern.render(values) else {
                throw Failure(description: "pattern '\(patternID)': the fills for '\(theme.id)' leave a slot of '\(pattern.generate!)' empty")
            }
            let points = choosePoints(theme: theme, topic: topic, count: pointsPerSection, seed: seed, excluding: used)
            used.formUnion(points.map(\.source))
            sections.append(.init(heading: heading, pattern: pattern.id, theme: theme.id, points: points))
        }
        return SpeechDraft(type: type, topic: topic, pattern: pattern.id, sections: sections)
    }

    /// Points for a theme: the sub-headings of sections on that theme (crisp statements of
    /// practice), else their most on-theme sentences; ranked by theme keywords and topic
    /// terms, at most two from one document so the speech draws on several.
    func choosePoints(theme: ThemeSet.Theme, topic: String, count: Int, seed: UInt64,
                      excluding used: Set<SpeechDraft.Source>) -> [SpeechDraft.Point] {
        let topicTerms = termsOf(topic)
        struct Candidate { var point: SpeechDraft.Point; var score: Double; var document: Int }
        var candidates: [Candidate] = []
        for section in material.sections where section.theme == theme.id {
            let document = material.documents[section.document]
            let sectionScore = section.scores.first?.score ?? 0
            func support(after sentence: Sentence) -> [SpeechDraft.Quote] {
                guard let start = section.sentences.firstIndex(where: { $0.line == sentence.line && $0.offset > sentence.offset })
                else { return [] }
                return section.sentences[start...].prefix(2).filter { $0.headingIndex == nil }
                    .map { .init(text: $0.text, source: .init(file: document.path, line: $0.line)) }
            }
            func score(_ shadow: String, bonus: Double) -> Double {
                let keywordHits = theme.keywords.reduce(0) { $0 + shadow.occurrences(of: $1) }
                let topicHits = termsOf(shadow).intersection(topicTerms).count
                return bonus + Double(keywordHits) + 2 * Double(topicHits) + sectionScore / 10
            }
            if !section.points.isEmpty {
                for heading in section.points {
                    guard let sentence = document.sentences.first(where: { $0.line == heading.line && $0.text == heading.text }) else { continue }
                    let point = SpeechDraft.Point(text: heading.text, source: .init(file: document.path, line: heading.line),
                                                  support: support(after: sentence))
                    candidates.append(.init(point: point, score: score(heading.shadow, bonus: 3), document: section.document))
                }
            } else {
                for sentence in section.sentences where sentence.role == .body && (12...80).contains(sentence.text.count) {
                    let point = SpeechDraft.Point(text: sentence.text, source: .init(file: document.path, line: sentence.line),
                                                  support: support(after: sentence))
                    candidates.append(.init(point: point, score: score(sentence.shadow, bonus: 0), document: section.document))
                }
            }
        }
        // Points another section already quoted are left out while there are enough others.
        let fresh = candidates.filter { !used.contains($0.point.source) }
        if fresh.count >= min(count, candidates.count) { candidates = fresh }
        // Best first; ties by place in the corpus, so the order never depends on hashing.
        candidates.sort { ($0.score, -$0.document, -$0.point.source.line) > ($1.score, -$1.document, -$1.point.source.line) }
        if seed != 0 {
            // Another seed draws from the best few, reproducibly.
            var random = Mutator.Random(seed: seed)
            let pool = min(candidates.count, count * 3)
            candidates[..<pool].shuffle(using: &random)
        }
        var picked: [Candidate] = [], perDocument: [Int: Int] = [:]
        for candidate in candidates where picked.count < count && perDocument[candidate.document, default: 0] < 2 {
            picked.append(candidate)
            perDocument[candidate.document, default: 0] += 1
        }
        for candidate in candidates where picked.count < count && !picked.contains(where: { $0.point.source == candidate.point.source }) {
            picked.append(candidate)
        }
        // In corpus order within the section, as a writer would read them.
        return picked.sorted { ($0.document, $0.point.source.line) < ($1.document, $1.point.source.line) }.map(\.point)
    }
}
