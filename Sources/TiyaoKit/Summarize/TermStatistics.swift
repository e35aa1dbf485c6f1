import Foundation

/// Document frequencies of terms over a corpus, for IDF. Built from the files under
/// `corpus/` (cached beside them) or read from the corpus store when it exists.
public struct TermStatistics: Codable, Sendable {
    public private(set) var documentCount: Int = 0
    public private(set) var documentFrequency: [String: Int] = [:]

    public init() {}

    public init(documentCount: Int, documentFrequency: [String: Int]) {
        self.documentCount = documentCount
        self.documentFrequency = documentFrequency
    }

    /// Counts each distinct term of a document once.
    public mutating func add(terms: some Sequence<String>) {
        documentCount += 1
        for term in Set(terms) { documentFrequency[term, default: 0] += 1 }
    }

    /// Smoothed IDF: ln((N + 1) / (df + 1)) + 1, so unseen terms weigh most and no weight is zero.
    public func idf(_ term: String) -> Double {
        log(Double(documentCount + 1) / Double((documentFrequency[term] ?? 0) + 1)) + 1
    }
}
