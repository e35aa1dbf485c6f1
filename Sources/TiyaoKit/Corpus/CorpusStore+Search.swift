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
    /// sentences, in corpus order. Deterministic: ties keep corpus order.
    public func search(_ query: String, limit: Int = 20, converter: ScriptConverter) throws -> [CorpusHit] {
        let parts = query.split(whereSeparator: { $0.isWhitespace }).map { converter.shadow(Array($0.utf16)) }
            .map { String(utf16Units: $0) }
        guard !parts.isEmpty else { throw QueryError(description: "empty query") }
        guard limit > 0 else { return [] }
        let long = parts.filter { $0.unicodeScalars.count >= 3 }
        let short = parts.filter { $0.unicodeScalars.count < 3 }
        let filters = short.map { _ in "s.shadow LIKE ? ESCAPE '\\'" }
        var arguments: [any DatabaseValueConvertible] = []
        let sql: String
        if long.isEmpty {
            sql = """
                SELECT d.path, s.line, s.text, s.shadow, 0.0 FROM sentences s JOIN documents d ON d.id = s.document_id
                WHERE \(filters.joined(separator: " AND ")) ORDER BY s.id LIMIT ?
                """
        } else {
            sql = """
                SELECT d.path, s.line, s.text, s.shadow, -bm25(sentence_fts) AS score
                FROM sentence_fts JOIN sentences s ON s.id = sentence_fts.rowid JOIN documents d ON d.id = s.document_id
                WHERE sentence_fts MATCH ?\(filters.map { " AND " + $0 }.joined())
                ORDER BY score DESC, s.id LIMIT ?
                """
            arguments.append(long.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " AND "))
        }
        arguments += short.map { "%" + Self.escapeLike($0) + "%" }
        arguments.append(limit)
        return try database.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                let shadow: String = row[3]
                let (match, occurrences) = Self.locate(parts, in: shadow)
                let score: Double = long.isEmpty ? Double(occurrences) : (row[4] as Double * 1000).rounded() / 1000
                return CorpusHit(file: row[0], line: row[1], text: row[2], score: score, match: match)
            }
        }
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
