/// Parallel series (排比) in a document: the outline's sibling headings, and runs of
/// like-shaped sentences in a section that are not headings. Uses the same
/// `Parallelism` rules as the structure parser.
public struct ParallelSeries: Codable, Sendable {
    public struct Item: Codable, Sendable {
        public var text: String
        public var line: Int
    }

    /// The heading of the section it stands in (nil before the first heading).
    public var section: String?
    /// The shared punctuation skeleton (e.g. `x,x。`).
    public var shape: String
    /// Whether the items are headings of the outline.
    public var headings: Bool
    public var items: [Item]
}

enum ParallelFinder {
    static func series(in document: Document) -> [ParallelSeries] {
        var result: [ParallelSeries] = []
        let headings = document.headings
        // Sibling headings that share a parent and a level form a series.
        var siblings: [String: [Int]] = [:]
        var order: [String] = []
        for (index, heading) in headings.enumerated() {
            let key = "\(heading.parent ?? -1):\(heading.level)"
            if siblings[key] == nil { order.append(key) }
            siblings[key, default: []].append(index)
        }
        for key in order where siblings[key]!.count >= 2 {
            let members = siblings[key]!
            let parent = headings[members[0]].parent
            result.append(ParallelSeries(
                section: parent.map { headings[$0].text },
                shape: Parallelism.shape(headings[members[0]].shadow.utf16).skeleton,
                headings: true,
                items: members.map { .init(text: headings[$0].text, line: headings[$0].line) }))
        }
        // Other series: like-shaped body sentences within one section.
        var bySection: [Int: [Sentence]] = [:]
        for sentence in document.sentences where sentence.role == .body && sentence.headingIndex == nil {
            bySection[sentence.sectionIndex ?? -1, default: []].append(sentence)
        }
        for section in bySection.keys.sorted() {
            let sentences = bySection[section]!
            var candidates: [Parallelism.Candidate] = []
            var sources: [Sentence] = []
            for (order, sentence) in sentences.enumerated() {
                let shape = Parallelism.shape(sentence.shadow.utf16)
                guard shape.length >= 3, shape.length <= 40 else { continue }
                candidates.append(.init(shape: shape, isLead: sentence.indexInParagraph == 0, order: order * 2, paragraph: sentence.line))
                sources.append(sentence)
            }
            // Take series one by one, strongest first, requiring three points and a shared opening.
            var remaining = Array(candidates.indices)
            for _ in 0..<4 {
                let pool = remaining.map { candidates[$0] }
                guard let best = Parallelism.bestSeries(pool, minimumCount: 3) else { break }
                let picked = best.map { remaining[$0] }
                guard Parallelism.largestSharedHead(picked, candidates).count == picked.count else {
                    remaining.removeAll { picked.contains($0) }
                    continue
                }
                result.append(ParallelSeries(
                    section: section >= 0 ? headings[section].text : nil,
                    shape: candidates[picked[0]].shape.skeleton, headings: false,
                    items: picked.map { .init(text: sources[$0].text, line: sources[$0].line) }))
                remaining.removeAll { picked.contains($0) }
            }
        }
        return result
    }
}
