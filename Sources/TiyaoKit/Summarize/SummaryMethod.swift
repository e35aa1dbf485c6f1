import Foundation

/// A way of choosing sentences, sumy style: each method is a small plug-in behind this
/// one protocol, and the summarizer does the rest (candidates, vectors, budgets, output).
///
/// A method returns the order in which it would take the candidate units; a budget takes
/// the shortest prefix of that order that satisfies it. So asking for k sentences and
/// then k + 1 never changes the first k, and `--chars N` is "k = 1, 2, … until N".
public protocol SummaryMethod {
    /// The name users pass to `--method`.
    var name: String { get }
    /// The units best first. May be lazy: callers stop pulling when the budget is met.
    func ranking(_ context: SummaryContext) -> SummaryRanking
}

/// A method's answer: the order in which to take units (indices into
/// `SummaryContext.units`), and the score of each unit when the method has one.
public struct SummaryRanking {
    public var order: AnyIterator<Int>
    public var scores: [Double]?
}

/// The methods `--method` knows, by name; the first is the default.
public enum SummaryMethods {
    public static let all: [any SummaryMethod] = [LexRank(), TextRank(), Lead()]
    public static var names: [String] { all.map(\.name) }
    public static var defaultMethod: any SummaryMethod { all[0] }

    public static func named(_ name: String) -> (any SummaryMethod)? {
        all.first { $0.name == name.lowercased() }
    }
}

/// A graph method scores sentences by their centrality in a sentence-similarity graph.
/// Graphs are built within blocks (a level-1 section, or a window of consecutive
/// sentences in a long stretch without headings), so the cost grows with the length of
/// the text times the window, never with its square. The structure and position priors,
/// the section weights and the redundancy-aware selection are shared (`MMRSelection`).
public protocol GraphMethod: SummaryMethod {
    /// Edge weight between two units of a block (0 for no edge).
    func similarity(_ a: Int, _ b: Int, in context: SummaryContext) -> Float
}

extension GraphMethod {
    public func ranking(_ context: SummaryContext) -> SummaryRanking {
        var centrality = [Double](repeating: 1, count: context.units.count)
        for block in context.blocks {
            let scores = SentenceGraph.pageRank(count: block.count) { i, j in
                similarity(block.lowerBound + i, block.lowerBound + j, in: context)
            }
            for (offset, score) in scores.enumerated() { centrality[block.lowerBound + offset] = score }
        }
        let scores = context.combine(centrality: centrality)
        return SummaryRanking(order: MMRSelection(scores: scores, context: context).iterator(), scores: scores)
    }
}

/// Continuous LexRank (Erkan & Radev 2004): cosine of TF-IDF vectors, edges above a
/// small threshold, PageRank with damping.
public struct LexRank: GraphMethod {
    public var threshold: Float = 0.1
    public init() {}
    public var name: String { "lexrank" }

    public func similarity(_ a: Int, _ b: Int, in context: SummaryContext) -> Float {
        let cosine = SparseVector.dot(context.vectors[a], context.vectors[b])
        return cosine >= threshold ? cosine : 0
    }
}

/// TextRank (Mihalcea & Tarau 2004): feature overlap normalised by the logs of the
/// sentence lengths, PageRank with damping.
public struct TextRank: GraphMethod {
    public init() {}
    public var name: String { "textrank" }

    public func similarity(_ a: Int, _ b: Int, in context: SummaryContext) -> Float {
        let x = context.vectors[a], y = context.vectors[b]
        guard x.ids.count > 0, y.ids.count > 0 else { return 0 }
        let common = SparseVector.overlap(x, y)
        guard common > 0 else { return 0 }
        return Float(common) / (logf(Float(x.ids.count) + 1) + logf(Float(y.ids.count) + 1))
    }
}

/// The baseline: candidate sentences in document order.
public struct Lead: SummaryMethod {
    public init() {}
    public var name: String { "lead" }

    public func ranking(_ context: SummaryContext) -> SummaryRanking {
        var next = 0
        return SummaryRanking(order: AnyIterator {
            guard next < context.units.count else { return nil }
            defer { next += 1 }
            return next
        }, scores: nil)
    }
}

/// PageRank over a small dense similarity graph.
enum SentenceGraph {
    static let damping = 0.85

    /// Stationary scores of the graph with symmetric edge weights `weight(i, j)`,
    /// scaled so their mean is 1. Nodes without edges keep the teleport share.
    static func pageRank(count n: Int, weight: (Int, Int) -> Float) -> [Double] {
        guard n > 1 else { return Array(repeating: 1, count: n) }
        var matrix = [Double](repeating: 0, count: n * n)
        var rowSum = [Double](repeating: 0, count: n)
        for i in 0..<n {
            for j in (i + 1)..<n {
                let w = Double(weight(i, j))
                guard w > 0 else { continue }
                matrix[i * n + j] = w
                matrix[j * n + i] = w
                rowSum[i] += w
                rowSum[j] += w
            }
        }
        var p = [Double](repeating: 1 / Double(n), count: n)
        var next = p
        for _ in 0..<100 {
            // Mass of nodes without edges is spread evenly, like the teleport.
            var dangling = 0.0
            for i in 0..<n where rowSum[i] == 0 { dangling += p[i] }
            let base = (1 - damping) / Double(n) + damping * dangling / Double(n)
            for j in 0..<n { next[j] = base }
            for i in 0..<n where rowSum[i] > 0 {
                let share = damping * p[i] / rowSum[i]
                let row = i * n
                for j in 0..<n where matrix[row + j] > 0 { next[j] += share * matrix[row + j] }
            }
            var change = 0.0
            for j in 0..<n { change += abs(next[j] - p[j]) }
            swap(&p, &next)
            if change < 1e-9 { break }
        }
        return p.map { $0 * Double(n) }
    }
}
