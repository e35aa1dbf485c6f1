/// What `tiyao patterns` prints: pattern matches, slogans with their members, and
/// parallel series.
public struct PatternReport: Codable, Sendable {
    public var file: String
    public var matches: [PatternEngine.Match]
    public var slogans: [Slogan]
    public var parallel: [ParallelSeries]

    public init(document: Document, engine: PatternEngine) throws {
        file = document.path
        matches = try engine.matches(in: document)
        slogans = SloganLinker.slogans(from: matches, in: document, library: engine.library)
        parallel = ParallelFinder.series(in: document)
    }

    public func text() -> String {
        var out = "Slogans (提法)\n"
        for slogan in slogans {
            let mark = slogan.complete ? "✓" : "·"
            out += "  \(mark) \(slogan.text)  announces \(slogan.count), found \(slogan.children.count)  (line \(slogan.lines.map(String.init).joined(separator: ", ")))\n"
            for child in slogan.children { out += "      \(child.line): \(child.text)\n" }
        }
        if slogans.isEmpty { out += "  (none)\n" }
        out += "\nMatches\n"
        for match in matches {
            let slots = match.slots.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            out += "  \(match.line): [\(match.pattern)] \(match.text)\(slots.isEmpty ? "" : "  {\(slots)}")\n"
        }
        if matches.isEmpty { out += "  (none)\n" }
        out += "\nParallel series\n"
        for series in parallel {
            out += "  \(series.headings ? "headings" : "sentences") \(series.shape)\(series.section.map { " under \($0)" } ?? "")\n"
            for item in series.items { out += "      \(item.line): \(item.text)\n" }
        }
        if parallel.isEmpty { out += "  (none)\n" }
        return out
    }
}
