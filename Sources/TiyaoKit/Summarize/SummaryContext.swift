import Foundation

/// The weights of the summarizer. The defaults are what `tiyao eval summary` measured
/// best across the three evaluation sets; none is fitted to one document.
public struct SummaryParameters: Sendable {
    /// What sentence vectors are made of.
    public var features: FeatureKind = .terms
    /// Largest graph: longer stretches without a level-1 heading are cut into windows.
    public var window = 64
    /// Position prior 1 + weight · exp(-i / decay) over the i-th candidate of the document
    /// (news puts its point first).
    public var positionWeight = 5.0
    public var positionDecay = 2.0
    /// The same weight in a document with headings, where structure says more than position.
    public var structuredPositionWeight = 1.0
    /// Structure priors (multipliers). The heading priors apply only under a budget that can
    /// hold the outline (see `SummaryContext.headingsLead`).
    public var level1Heading = 2.5
    public var level2Heading = 2.0
    public var deeperHeading = 1.5
    public var abstract = 2.0
    /// The first sentence of a section's first paragraph.
    public var sectionLead = 1.4
    /// The first sentence of any other paragraph.
    public var paragraphLead = 1.1
    /// Highlights (亮点): a sentence that reports an honour, a first or a marked result weighs
    /// as much as a sentence of an editor's abstract. Such facts are what an editor's abstract
    /// (核心提示) of a work report leads with, and a centrality graph misses them: each is said
    /// once, in words of its own.
    public var highlight = 2.0
    /// Words that mark a highlight, matched in simplified script: recognition (入选, 评为,
    /// 表彰, 推广 …), firsts and rank (率先, 首批, 前列 …), results said to be marked (成效显著).
    public var highlightCues = ["入选", "入围", "获评", "评为", "荣获", "授予", "称号", "表彰", "肯定", "推广",
                                "率先", "首批", "前列", "领先", "成效显著", "成效明显"]
    /// Body sentences shorter than `shortLength` content characters weigh this much.
    public var shortPenalty = 0.5
    public var shortLength = 8
    /// How much a block's closeness to the whole document weighs (0 = not at all).
    public var blockExponent = 0.5
    /// Maximal marginal relevance: 1 = relevance only, lower = more diversity.
    public var lambda = 0.7
    /// Under a character budget a unit is charged for its length: selection ranks by
    /// score / (characters / median unit characters)^lengthCost. Value per character is the
    /// greedy rule of budgeted summarization (McDonald 2007; Lin & Bilmes 2010), softened by an
    /// exponent below 1 so that a short sentence does not win on shortness alone. 0 = blind
    /// to length. Sentence budgets count sentences and charge nothing.
    public var lengthCost = 0.5

    public init() {}
}

/// A selectable piece of text: one sentence, or the lines of a two-line heading.
public struct SummaryUnit: Sendable {
    /// Indices into `Document.sentences`, in order.
    public var sentences: [Int]
    public var line: Int
    /// The level of the heading this unit is, if it is one.
    public var headingLevel: Int?
    public var isAbstract: Bool
    /// Index into `Document.headings` of the top-level section holding the unit.
    public var section: Int?
    /// Characters (Unicode scalars) of the unit's sentences as printed: what character budgets count.
    public var characters: Int
    /// Characters that are not punctuation or spaces.
    var contentLength: Int
    /// Coverage group: 0 for text before the first heading, 1 + section otherwise.
    var group: Int
}

/// Everything a method may read about one document: the candidate units in document
/// order, their TF-IDF vectors, the blocks graphs are built in, and the priors.
public struct SummaryContext {
    public let document: Document
    public let units: [SummaryUnit]
    /// Consecutive ranges of `units` inside which graphs are built.
    public let blocks: [Range<Int>]
    public let parameters: SummaryParameters
    let vectors: [SparseVector]
    /// Structure and position prior of each unit (the heading prior aside).
    let priors: [Double]
    /// The heading prior of each unit (1 for units that are no heading).
    let headingPriors: [Double]
    /// Weight of each unit's block (its closeness to the whole document).
    let blockWeights: [Double]
    /// Whether selection first gives every top-level section a unit (set from the budget:
    /// only when it can hold about one typical unit per section).
    public var coverSections = true
    /// Whether selection charges units for their length (set from the budget: character budgets).
    public var chargesLength = false
    /// Whether headings lead, with their priors (set from the budget: only when it can hold the
    /// outline). Otherwise headings are the summary's structure, not its sentences: the
    /// briefing prints the top-level headings as its sections (JSON gives each sentence its
    /// `section`), a budget too small for the whole outline would show only fragments of it
    /// (`tiyao outline` shows it whole), so the budget goes to the text, and headings are
    /// taken only after every other unit.
    public var headingsLead = true

    /// Number of coverage groups (top-level sections, and the text before the first heading).
    public var groupCount: Int { Set(units.map(\.group)).count }

    /// Median characters of a unit.
    var typicalUnitLength: Int {
        guard !units.isEmpty else { return 0 }
        return units.map(\.characters).sorted()[units.count / 2]
    }

    /// Whether a budget leaves room for one typical unit per section.
    public func budgetAllowsCoverage(_ budget: SummaryBudget) -> Bool {
        if case let .sentences(k) = budget { return k >= groupCount }
        guard let target = budget.characterTarget(total: document.characterCount) else { return true }
        return target >= groupCount * typicalUnitLength
    }

    /// Whether a budget can hold the author's outline: every heading of levels 1 and 2,
    /// counted as the budget counts (`measure` for character budgets).
    public func budgetHoldsOutline(_ budget: SummaryBudget, measure: (Int) -> Int) -> Bool {
        let outline = units.indices.filter { (units[$0].headingLevel ?? .max) <= 2 }
        guard !outline.isEmpty else { return true }
        if case let .sentences(k) = budget { return k >= outline.reduce(0) { $0 + units[$1].sentences.count } }
        guard let target = budget.characterTarget(total: document.characterCount) else { return true }
        return target >= outline.reduce(0) { $0 + measure($1) }
    }

    /// Combines a method's centrality (mean 1 within each block) with the priors.
    public func combine(centrality: [Double]) -> [Double] {
        units.indices.map { unit in
            let heading = headingsLead ? headingPriors[unit] : units[unit].headingLevel == nil ? 1 : 0
            return centrality[unit] * priors[unit] * heading * blockWeights[unit]
        }
    }

    /// The unit's text as in the source (lines of a two-line heading joined by a space).
    public func text(_ unit: Int) -> String {
        units[unit].sentences.map { document.sentences[$0].text }.joined(separator: " ")
    }
}

extension SummaryContext {
    /// Roles whose lines are never summarized: titles, furniture, speech formulas.
    static let candidateRoles: Set<Line.Role> = [.body, .heading, .abstract]

    init(document: Document, parameters: SummaryParameters, statistics: TermStatistics?,
         lineTerms: [Int: [Token]]) {
        self.document = document
        self.parameters = parameters
        let headings = document.headings

        func root(_ heading: Int) -> Int {
            var h = heading
            while let parent = headings[h].parent { h = parent }
            return h
        }

        // 1. Units.
        var units: [SummaryUnit] = []
        for (index, sentence) in document.sentences.enumerated() where Self.candidateRoles.contains(sentence.role) {
            let content = sentence.shadow.utf16.reduce(0) { $0 + (Punctuation.isPunctuation($1) ? 0 : 1) }
            guard content >= 2 else { continue }
            // The second line of a two-line heading joins the unit of its first line.
            if let own = sentence.headingIndex, let last = units.last,
               let previous = document.sentences[last.sentences.last!].headingIndex, previous == own,
               document.sentences[last.sentences.last!].line != sentence.line {
                units[units.count - 1].sentences.append(index)
                units[units.count - 1].characters += sentence.text.unicodeScalars.count
                units[units.count - 1].contentLength += content
                continue
            }
            // The next item of an enumeration (二是…) joins the unit holding the previous one.
            if sentence.role == .body, sentence.headingIndex == nil, let last = units.last, last.headingLevel == nil,
               Enumeration.continues(sentence, after: document.sentences[last.sentences.last!]) {
                units[units.count - 1].sentences.append(index)
                units[units.count - 1].characters += sentence.text.unicodeScalars.count
                units[units.count - 1].contentLength += content
                continue
            }
            let section = sentence.sectionIndex.map(root)
            units.append(SummaryUnit(sentences: [index], line: sentence.line,
                                     headingLevel: sentence.headingIndex.map { headings[$0].level },
                                     isAbstract: sentence.role == .abstract, section: section,
                                     characters: sentence.text.unicodeScalars.count, contentLength: content,
                                     group: section.map { $0 + 1 } ?? 0))
        }
        self.units = units

        // 2. Vectors: TF-IDF over the features, IDF from the corpus or the document's own paragraphs.
        var vocabulary: [String: Int32] = [:]
        var featureLists: [[Int32]] = []
        featureLists.reserveCapacity(units.count)
        for unit in units {
            var list: [Int32] = []
            for index in unit.sentences {
                let sentence = document.sentences[index]
                let strings: [String]
                switch parameters.features {
                case .terms:
                    let line = document.lines[sentence.line - 1]
                    strings = (lineTerms[sentence.line] ?? []).filter { sentence.range.contains($0.range.lowerBound) }
                        .map { String(utf16Units: line.shadow[$0.range]) }
                case .bigrams:
                    strings = FeatureKind.bigrams(Array(sentence.shadow.utf16))
                }
                for string in strings {
                    if let id = vocabulary[string] { list.append(id) } else {
                        let id = Int32(vocabulary.count)
                        vocabulary[string] = id
                        list.append(id)
                    }
                }
            }
            featureLists.append(list)
        }
        var names = [String](repeating: "", count: vocabulary.count)
        for (name, id) in vocabulary { names[Int(id)] = name }
        let idf: [Double]
        if let statistics, statistics.documentCount > 0 {
            idf = names.map(statistics.idf)
        } else {
            // No corpus: the document's paragraphs (or, with fewer than three, its units) are the documents.
            var local = TermStatistics()
            let paragraphs = Dictionary(grouping: featureLists.indices, by: { units[$0].line })
            if paragraphs.count >= 3 {
                for line in paragraphs.keys.sorted() {
                    local.add(terms: paragraphs[line]!.flatMap { featureLists[$0] }.map { names[Int($0)] })
                }
            } else {
                for list in featureLists { local.add(terms: list.map { names[Int($0)] }) }
            }
            idf = names.map(local.idf)
        }
        let vectors = featureLists.map { list in
            SparseVector(list.map { ($0, Float(idf[Int($0)])) })
        }
        self.vectors = vectors

        // 3. Blocks: one per top-level section (and the text before the first heading); a
        //    section longer than a window is cut into nearly equal windows.
        var sections: [Range<Int>] = []
        var start = 0
        for index in units.indices.dropFirst() where units[index].group != units[start].group {
            sections.append(start..<index)
            start = index
        }
        if start < units.count { sections.append(start..<units.count) }
        var blocks: [Range<Int>] = []
        for section in sections {
            let pieces = (section.count + parameters.window - 1) / parameters.window
            for piece in 0..<pieces {
                blocks.append((section.lowerBound + piece * section.count / pieces)..<(section.lowerBound + (piece + 1) * section.count / pieces))
            }
        }
        self.blocks = blocks

        // 4. A pass over blocks: how close each is to the whole document.
        var blockWeights = [Double](repeating: 1, count: units.count)
        if blocks.count > 1, parameters.blockExponent > 0 {
            let dimension = vocabulary.count
            let whole = SparseVector.centroid(vectors, dimension: dimension)
            let closeness = blocks.map { block in
                Double(SparseVector.dot(SparseVector.centroid(vectors[block], dimension: dimension), whole))
            }
            let best = closeness.max() ?? 0
            if best > 0 {
                for (block, value) in zip(blocks, closeness) {
                    let weight = pow(max(value, 0.01 * best) / best, parameters.blockExponent)
                    for unit in block { blockWeights[unit] = weight }
                }
            }
        }
        self.blockWeights = blockWeights

        // 5. Priors: structure, position, length. A section lead is the first unit after a heading.
        var priors: [Double] = []
        priors.reserveCapacity(units.count)
        var headingPriors = [Double](repeating: 1, count: units.count)
        var afterHeading = true  // the document start counts as a section start
        for (position, unit) in units.enumerated() {
            let positionWeight = headings.isEmpty ? parameters.positionWeight : parameters.structuredPositionWeight
            var prior = 1 + positionWeight * exp(-Double(position) / parameters.positionDecay)
            let first = document.sentences[unit.sentences[0]]
            if let level = unit.headingLevel {
                headingPriors[position] = level == 1 ? parameters.level1Heading : level == 2 ? parameters.level2Heading : parameters.deeperHeading
                afterHeading = true
            } else {
                if unit.isAbstract { prior *= parameters.abstract }
                if afterHeading {
                    prior *= parameters.sectionLead
                } else if first.indexInParagraph == 0 {
                    prior *= parameters.paragraphLead
                }
                if unit.contentLength < parameters.shortLength { prior *= parameters.shortPenalty }
                if unit.sentences.contains(where: { index in
                    parameters.highlightCues.contains { document.sentences[index].shadow.contains($0) }
                }) { prior *= parameters.highlight }
                afterHeading = false
            }
            if vectors[position].isEmpty && unit.headingLevel == nil { prior = 0 }
            priors.append(prior)
        }
        self.priors = priors
        self.headingPriors = headingPriors
    }
}

/// Greedy selection by maximal marginal relevance (Carbonell & Goldstein 1998), with
/// coverage first: until every top-level section (and the text before the first heading)
/// has a unit, only units of sections not yet represented compete. Under a character
/// budget the scores are per (softened) character first (`lengthCost`). Lazy: each step
/// looks at candidates in score order and stops as soon as no later one can win.
final class MMRSelection {
    private let scores: [Double]
    private let vectors: [SparseVector]
    private let groups: [Int]
    private let lambda: Double
    private let order: [Int]
    private var taken: [Bool]
    private var selected: [Int] = []
    private var maxSimilarity: [Double]
    private var checked: [Int]
    private var unrepresented: Set<Int>

    init(scores relevance: [Double], context: SummaryContext) {
        var raw = relevance
        let exponent = context.parameters.lengthCost
        if context.chargesLength, exponent > 0 {
            let typical = Double(max(1, context.typicalUnitLength))
            raw = relevance.indices.map { relevance[$0] / pow(Double(max(1, context.units[$0].characters)) / typical, exponent) }
        }
        let best = raw.max() ?? 0
        scores = best > 0 ? raw.map { $0 / best } : raw
        vectors = context.vectors
        groups = context.units.map(\.group)
        lambda = context.parameters.lambda
        order = raw.indices.sorted { raw[$0] != raw[$1] ? raw[$0] > raw[$1] : $0 < $1 }
        taken = Array(repeating: false, count: raw.count)
        maxSimilarity = Array(repeating: 0, count: raw.count)
        checked = Array(repeating: 0, count: raw.count)
        let present = Set(groups)
        unrepresented = present.count > 1 && context.coverSections ? present : []
    }

    func iterator() -> AnyIterator<Int> { AnyIterator { self.next() } }

    func next() -> Int? {
        var bestIndex: Int?
        var bestValue = -Double.infinity
        let covering = !unrepresented.isEmpty
        for i in order where !taken[i] {
            if covering && !unrepresented.contains(groups[i]) { continue }
            // The value can only fall below λ·score, so nothing further in order can win.
            if bestIndex != nil && lambda * scores[i] <= bestValue { break }
            while checked[i] < selected.count {
                let other = selected[checked[i]]
                maxSimilarity[i] = max(maxSimilarity[i], Double(SparseVector.dot(vectors[i], vectors[other])))
                checked[i] += 1
            }
            let value = lambda * scores[i] - (1 - lambda) * maxSimilarity[i]
            if value > bestValue {
                bestValue = value
                bestIndex = i
            }
        }
        guard let chosen = bestIndex else { return nil }
        taken[chosen] = true
        selected.append(chosen)
        unrepresented.remove(groups[chosen])
        return chosen
    }
}
