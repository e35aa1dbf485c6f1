import Foundation

/// How much to select.
public enum SummaryBudget: Sendable, Equatable, CustomStringConvertible {
    /// A one-page briefing: one eighth of the document's characters, at least
    /// `automaticMinimum` and at most `automaticMaximum` characters, and never more than
    /// a third of a short text.
    case automatic
    /// Exactly this many sentences (fewer only when the document has fewer).
    case sentences(Int)
    /// Sentences until the summary reaches at least this many characters.
    case characters(Int)
    /// Sentences until the summary reaches this share of the document's characters.
    case ratio(Double)

    public static let automaticMinimum = 150
    public static let automaticMaximum = 500

    public var description: String {
        switch self {
        case .automatic: return "auto"
        case let .sentences(n): return "sentences:\(n)"
        case let .characters(n): return "chars:\(n)"
        case let .ratio(r): return "ratio:\(r)"
        }
    }

    /// The character target for a document of `total` characters (nil for sentence counts).
    func characterTarget(total: Int) -> Int? {
        switch self {
        case .automatic: return min(Self.automaticMaximum, max(Self.automaticMinimum, total / 8), max(1, total / 3))
        case .sentences: return nil
        case let .characters(n): return n
        case let .ratio(r): return Int((Double(total) * r).rounded(.up))
        }
    }
}

/// Summarizes documents: candidate sentences, TF-IDF vectors (IDF from the user's corpus
/// when there is one), a method's ranking, a budget, then key figures, slogans and
/// keyphrases. Holds ICU objects: reuse one for many documents; not thread-safe.
public final class Summarizer {
    public let extractor: TermExtractor
    public let lexicon: Lexicon
    public var corpus: CorpusStatistics?
    public var parameters: SummaryParameters
    let figureFinder: FigureFinder
    let sloganFinder: SloganFinder

    public init(lexicon: Lexicon, corpus: CorpusStatistics? = nil, parameters: SummaryParameters = SummaryParameters()) throws {
        self.lexicon = lexicon
        self.corpus = corpus
        self.parameters = parameters
        extractor = try TermExtractor(lexicon: lexicon)
        figureFinder = try FigureFinder(segmenter: extractor.segmenter)
        sloganFinder = try SloganFinder(lexicon: lexicon, segmenter: extractor.segmenter)
    }

    /// A summarizer with the library's lexicon and highlight cues (`templates/highlights.txt`).
    public convenience init(templates: Templates, corpus: CorpusStatistics? = nil) throws {
        var parameters = SummaryParameters()
        if let cues = try templates.highlightCues() { parameters.highlightCues = cues }
        try self.init(lexicon: templates.lexicon(), corpus: corpus, parameters: parameters)
    }

    /// Reads the corpus statistics of `directory` (cached beside the corpus).
    public func loadCorpus(_ directory: URL, converter: ScriptConverter, salt: String) throws {
        corpus = try CorpusStatistics.load(directory: directory, extractor: extractor, converter: converter, salt: salt)
    }

    /// The terms of every line that may hold summary text or keyphrases.
    func lineTerms(_ document: Document, tokens: TokenCache) -> [Int: [Token]] {
        var result: [Int: [Token]] = [:]
        for line in document.lines where SummaryContext.candidateRoles.contains(line.role) {
            result[line.number] = extractor.termTokens(tokens.tokens(line), in: line.shadow)
        }
        return result
    }

    func lineTerms(_ document: Document) -> [Int: [Token]] { lineTerms(document, tokens: TokenCache(extractor.segmenter)) }

    public func context(_ document: Document) -> SummaryContext {
        context(document, lineTerms: lineTerms(document))
    }

    func context(_ document: Document, lineTerms: [Int: [Token]]) -> SummaryContext {
        SummaryContext(document: document, parameters: parameters,
                       statistics: corpus?.statistics(parameters.features), lineTerms: lineTerms)
    }

    /// The units a method selects under a budget, in document order. Character budgets
    /// count the printed characters of the units, or `measure` when given.
    public func select(_ context: SummaryContext, method: any SummaryMethod, budget: SummaryBudget,
                       measure: ((Int) -> Int)? = nil) -> (units: [Int], scores: [Double]?) {
        let measure = measure ?? { context.units[$0].characters }
        var context = context
        context.coverSections = context.budgetAllowsCoverage(budget)
        if case .sentences = budget { context.chargesLength = false } else { context.chargesLength = true }
        context.headingsLead = context.budgetHoldsOutline(budget, measure: measure)
        let ranking = method.ranking(context)
        var chosen: [Int] = []
        switch budget {
        case let .sentences(limit):
            var count = 0
            while count < limit, let unit = ranking.order.next() {
                // A two-line heading is two sentences; it is passed over when it would overshoot.
                let size = context.units[unit].sentences.count
                guard count + size <= limit else { continue }
                chosen.append(unit)
                count += size
            }
        default:
            let target = budget.characterTarget(total: context.document.characterCount) ?? 0
            var total = 0
            while total < target, let unit = ranking.order.next() {
                chosen.append(unit)
                total += measure(unit)
            }
        }
        return (chosen.sorted(), ranking.scores)
    }

    public func summarize(_ document: Document, method: any SummaryMethod = SummaryMethods.defaultMethod,
                          budget: SummaryBudget = .automatic) -> Summary {
        let tokens = TokenCache(extractor.segmenter)
        let terms = lineTerms(document, tokens: tokens)
        let context = context(document, lineTerms: terms)
        let (units, scores) = select(context, method: method, budget: budget)
        let headings = document.headings

        var sentences: [Summary.Sentence] = []
        for unit in units {
            let info = context.units[unit]
            let score = scores.map { ($0[unit] * 10_000).rounded() / 10_000 }
            for index in info.sentences {
                let sentence = document.sentences[index]
                sentences.append(Summary.Sentence(text: sentence.text, line: sentence.line,
                                                  section: info.section.map { headings[$0].text },
                                                  score: score, heading: info.headingLevel, group: info.group))
            }
        }
        let keyphrases = Keyphrases.extract(document, lineTerms: terms, lexicon: lexicon, extractor: extractor,
                                            statistics: corpus?.terms)
        return Summary(
            file: document.path,
            title: document.title.map { $0.text.trimmingCharacters(in: .whitespaces) },
            method: method.name,
            budget: budget.description,
            sentences: sentences,
            abstract: document.abstract.map { Summary.Span(text: $0.text.trimmingCharacters(in: .whitespaces), line: $0.number) },
            sections: headings.indices.filter { headings[$0].parent == nil }.map {
                Summary.Section(heading: headings[$0].text, line: headings[$0].line, endLine: headings[$0].endLine, group: $0 + 1)
            },
            keyphrases: keyphrases,
            figures: figureFinder.figures(in: document, tokens: tokens),
            slogans: sloganFinder.slogans(in: document, tokens: tokens),
            characters: document.characterCount)
    }
}

/// The words of each line, segmented once and shared by the stages that need them.
final class TokenCache {
    private let segmenter: WordSegmenter
    private var cache: [Int: [Token]] = [:]

    init(_ segmenter: WordSegmenter) { self.segmenter = segmenter }

    func tokens(_ line: Line) -> [Token] {
        if let cached = cache[line.number] { return cached }
        let tokens = segmenter.tokens(line.shadow)
        cache[line.number] = tokens
        return tokens
    }
}
