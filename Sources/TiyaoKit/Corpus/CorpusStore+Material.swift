import Foundation

/// What `brief`, `draft` and `summarize` take from the store when one exists: the list of
/// indexed documents, the documents most on a set of themes (found through the full-text
/// index instead of reading every file), and IDF over the indexed documents.
extension CorpusStore {
    /// Paths of every indexed document that is still on disk, in path order.
    public func documentPaths() throws -> [String] {
        try documents().map(\.path).filter { FileManager.default.fileExists(atPath: $0) }.sorted()
    }

    /// The documents with most full-text hits for the keywords, best first, at most `limit`.
    /// Ties are broken by path so the choice is stable.
    public func documents(matching keywords: [String], limit: Int) throws -> [String] {
        var hits: [String: Double] = [:]
        for keyword in keywords where keyword.count >= 2 {
            for hit in try search(keyword, limit: 200) { hits[hit.file, default: 0] += 1 }
        }
        return hits.filter { FileManager.default.fileExists(atPath: $0.key) }
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(limit).map(\.key)
    }

    /// IDF statistics for the summarizer, from the indexed documents' terms.
    public func corpusStatistics() throws -> CorpusStatistics {
        let terms = try termStatistics()
        return CorpusStatistics(key: "store:\(url.path)", files: terms.documentCount, terms: terms, bigrams: TermStatistics())
    }
}
