import Foundation
import GRDB

/// Counts over the whole store.
public struct CorpusStats: Codable, Sendable, Equatable {
    public var documents: Int
    public var sentences: Int
    public var headings: Int
    /// Distinct terms with a document frequency.
    public var terms: Int
    public var annotations: Int
    /// Database and write-ahead log, in bytes.
    public var bytes: Int
}

/// One indexed document, as `tiyao corpus list` shows it.
public struct CorpusDocument: Codable, Sendable, Equatable {
    public var path: String
    public var title: String?
    public var date: String?
    public var script: String
    public var encoding: String
    public var lines: Int
    public var sentences: Int
    public var headings: Int
    public var sha256: String
}

extension CorpusStore {
    public func stats() throws -> CorpusStats {
        try database.read { db in
            func count(_ table: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
            return CorpusStats(documents: try count("documents"), sentences: try count("sentences"),
                               headings: try count("headings"), terms: try count("terms"),
                               annotations: try count("annotations"), bytes: byteSize)
        }
    }

    /// The indexed documents, by path.
    public func documents() throws -> [CorpusDocument] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT path, title, date, script, encoding, line_count, sentence_count, heading_count, hash
                FROM documents ORDER BY path
                """).map { row in
                CorpusDocument(path: row[0], title: row[1], date: row[2], script: row[3], encoding: row[4],
                               lines: row[5], sentences: row[6], headings: row[7], sha256: row[8])
            }
        }
    }

    /// The document frequencies of every term over the indexed documents: the IDF the
    /// summarizer uses when a corpus index exists.
    public func termStatistics() throws -> TermStatistics {
        try database.read { db in
            var frequencies: [String: Int] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT term, df FROM terms")
            while let row = try rows.next() { frequencies[row[0]] = row[1] }
            return TermStatistics(documentCount: try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0,
                                  documentFrequency: frequencies)
        }
    }

    /// The same statistics restricted to `terms` (a document's own terms, say): one lookup
    /// per term instead of loading the whole table. `idf` of these terms is unchanged.
    public func termStatistics(for terms: some Sequence<String>) throws -> TermStatistics {
        try database.read { db in
            var frequencies: [String: Int] = [:]
            let statement = try db.cachedStatement(sql: "SELECT df FROM terms WHERE term = ?")
            for term in Set(terms) {
                if let df = try Int.fetchOne(statement, arguments: [term]) { frequencies[term] = df }
            }
            return TermStatistics(documentCount: try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0,
                                  documentFrequency: frequencies)
        }
    }

    /// The annotations of one kind ("theme", "pattern", …), for the engines that read them back.
    public func annotations(kind: String) throws -> [(path: String, annotation: CorpusAnnotation)] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.path, a.kind, a.name, a.line, a.text, a.data FROM annotations a JOIN documents d ON d.id = a.document_id
                WHERE a.kind = ? ORDER BY d.path, a.line, a.rowid
                """, arguments: [kind]).map { row in
                (row[0], CorpusAnnotation(kind: row[1], name: row[2], line: row[3], text: row[4], data: row[5]))
            }
        }
    }
}
