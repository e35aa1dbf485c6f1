import Foundation
import GRDB

/// One search result: a sentence, cited by file and line.
public struct CorpusHit: Codable, Sendable, Equatable {
    public var file: String
    public var line: Int
    /// The whole sentence, exactly as in the source (it stands on `line`).
    public var text: String
    /// Higher is better: BM25 relevance for full-text matches; for one- and two-character
    /// queries (matched by scanning) the number of occurrences in the sentence.
    public var score: Double
    /// UTF-16 range of the first match in `text`.
    public var match: Range<Int>

    enum CodingKeys: String, CodingKey { case file, line, text, score }

    public init(file: String, line: Int, text: String, score: Double, match: Range<Int>) {
        self.file = file
        self.line = line
        self.text = text
        self.score = score
        self.match = match
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        line = try container.decode(Int.self, forKey: .line)
        text = try container.decode(String.self, forKey: .text)
        score = try container.decode(Double.self, forKey: .score)
        match = 0..<0
    }

    /// The sentence shortened around its match to about `width` characters, with … where cut.
    public func snippet(width: Int = 60) -> String {
        let units = Array(text.utf16)
        guard units.count > width else { return text }
        let before = width / 3
        var lower = max(0, match.lowerBound - before)
        var upper = min(units.count, lower + width)
        lower = max(0, min(lower, upper - width))
        // Never cut a surrogate pair.
        if lower > 0, (0xDC00...0xDFFF).contains(units[lower]) { lower -= 1 }
        if upper < units.count, (0xDC00...0xDFFF).contains(units[upper]) { upper += 1 }
        return (lower > 0 ? "…" : "") + String(utf16Units: units[lower..<upper]) + (upper < units.count ? "…" : "")
    }
}

extension CorpusStore {
    public struct QueryError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Finds the sentences that contain every whitespace-separated part of `query`, matched
    /// on the analysis shadow, so a simplified query finds traditional text and full-width
    /// and ASCII punctuation are alike (ASCII letters ignore case). Parts of three or more
    /// characters go through the trigram index, ranked by BM25; a query of only one- or
    /// two-character parts (which trigrams cannot match) is answered by scanning the
    /// sentences, in corpus order. A very common phrase is ranked over its first `window`
    /// matches in corpus order. Deterministic: ties keep corpus order.
    public func search(_ query: String, limit: Int = 20, window: Int = CorpusStore.rankingWindow) throws -> [CorpusHit] {
        let parts = try query.split(whereSeparator: { $0.isWhitespace }).map { try shadow(String($0)) }
        guard !parts.isEmpty else { throw QueryError(description: "empty query") }
        guard limit > 0 else { return [] }
        let long = parts.filter { $0.unicodeScalars.count >= 3 }
        let short = parts.filter { $0.unicodeScalars.count < 3 }
        let filters = short.map { _ in "s.shadow LIKE ? ESCAPE '\\'" }
        let likes: [any DatabaseValueConvertible] = short.map { "%" + Self.escapeLike($0) + "%" }
        return try database.read { db in
            let rows: [Row]
            if long.isEmpty {
                // Trigrams cannot match one or two characters: scan, in corpus order.
                rows = try Row.fetchAll(db, sql: """
                    SELECT d.path, s.line, s.text, s.shadow, 0.0 FROM sentences s JOIN documents d ON d.id = s.document_id
                    WHERE \(filters.joined(separator: " AND ")) ORDER BY s.id LIMIT ?
                    """, arguments: StatementArguments(likes + [limit]))
            } else {
                let match = long.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " AND ")
                // BM25 costs a few microseconds a match: rank the first `window` matches in
                // corpus order (all of them, unless the phrase is very common).
                let last = try Int64.fetchOne(db, sql: """
                    SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH ? ORDER BY rowid LIMIT 1 OFFSET ?
                    """, arguments: [match, window - 1]) ?? Int64.max
                let ranked = """
                    SELECT rowid AS id, -bm25(sentence_fts) AS score FROM sentence_fts
                    WHERE sentence_fts MATCH ? AND rowid <= ?
                    """
                let sql = filters.isEmpty
                    ? """
                    SELECT d.path, s.line, s.text, s.shadow, f.score
                    FROM (\(ranked) ORDER BY score DESC, id LIMIT ?) f
                    JOIN sentences s ON s.id = f.id JOIN documents d ON d.id = s.document_id
                    ORDER BY f.score DESC, s.id
                    """
                    : """
                    SELECT d.path, s.line, s.text, s.shadow, f.score
                    FROM (\(ranked)) f JOIN sentences s ON s.id = f.id JOIN documents d ON d.id = s.document_id
                    WHERE \(filters.joined(separator: " AND ")) ORDER BY f.score DESC, s.id LIMIT ?
                    """
                rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments([match, last] + likes + [limit]))
            }
            return rows.map { row in
                let shadow: String = row[3]
                let (match, occurrences) = Self.locate(parts, in: shadow)
                let score: Double = long.isEmpty ? Double(occurrences) : ((row[4] as Double) * 1000).rounded() / 1000
                return CorpusHit(file: row[0], line: row[1], text: row[2], score: score, match: match)
            }
        }
    }

    /// How many full-text matches (in corpus order) are ranked at most.
    public static let rankingWindow = 2000

    /// The analysis shadow of a query, through the map saved when the corpus was indexed.
    func shadow(_ text: String) throws -> String {
        var units = Array(text.utf16)
        let wanted = Set(units.filter { $0 >= 0x2000 && !(0xD800...0xDFFF).contains($0) })
        guard !wanted.isEmpty else { return text }
        var map: [UInt16: UInt16] = [:]
        try database.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT unit, shadow FROM shadow_map WHERE unit IN (\(wanted.map { String($0) }.joined(separator: ",")))")
            while let row = try rows.next() { map[UInt16(row[0] as Int)] = UInt16(row[1] as Int) }
        }
        for index in units.indices { if let mapped = map[units[index]] { units[index] = mapped } }
        return String(utf16Units: units)
    }

    static func escapeLike(_ text: String) -> String {
        var result = ""
        for char in text {
            if char == "%" || char == "_" || char == "\\" { result.append("\\") }
            result.append(char)
        }
        return result
    }

    /// The UTF-16 range of the earliest match of any part in `shadow` (the same offsets in the
    /// original text), and how many times the parts occur; ASCII letters ignore case.
    static func locate(_ parts: [String], in shadow: String) -> (Range<Int>, Int) {
        func folded(_ text: String) -> [UInt16] { text.utf16.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 } }
        let haystack = folded(shadow)
        var first: Range<Int>?
        var occurrences = 0
        for part in parts {
            let needle = folded(part)
            guard !needle.isEmpty, needle.count <= haystack.count else { continue }
            var index = 0
            while index + needle.count <= haystack.count {
                if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) {
                    occurrences += 1
                    if first == nil || index < first!.lowerBound { first = index..<(index + needle.count) }
                    index += needle.count
                } else {
                    index += 1
                }
            }
        }
        return (first ?? 0..<0, occurrences)
    }
}
