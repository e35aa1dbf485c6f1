import Foundation
import GRDB

extension CorpusStore {
    /// What an indexing run did.
    public struct IndexSummary: Codable, Sendable, Equatable {
        public struct Skipped: Codable, Sendable, Equatable {
            public var path: String
            public var reason: String
        }

        public var added = 0
        public var updated = 0
        public var unchanged = 0
        public var removed = 0
        /// Files that could not be read or decoded (a stale entry for one is removed).
        public var skipped: [Skipped] = []

        public init() {}

        public var line: String {
            var text = "\(added) added, \(updated) updated, \(unchanged) unchanged, \(removed) removed"
            if !skipped.isEmpty { text += ", \(skipped.count) skipped" }
            return text
        }
    }

    /// Files per transaction.
    public static let batchSize = 200

    /// Brings the store in step with `files`: a file whose bytes (SHA-256) and analysis
    /// fingerprint match its entry is skipped and counted unchanged; a new or changed one is
    /// read and (re)indexed. With `scopes` (stored-path prefixes, "" for the working
    /// directory), entries under a scope whose file is not among `files` are removed.
    /// Every batch of files is one transaction, so an interrupted run loses at most the
    /// batch in progress. `progress` is called after each file with (done, total).
    public func index(_ files: [CorpusFiles.File], scopes: [String]? = nil, analyzer: CorpusAnalyzer,
                      batchSize: Int = CorpusStore.batchSize,
                      progress: ((Int, Int) -> Void)? = nil) throws -> IndexSummary {
        let fingerprint = analyzer.fingerprint
        try saveShadowMap(analyzer.reader.converter)
        var known: [String: (hash: String, analysis: String)] = [:]
        try database.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT path, hash, analysis FROM documents")
            while let row = try rows.next() { known[row[0]] = (row[1], row[2]) }
        }
        var summary = IndexSummary()
        var seen = Set<String>()
        var done = 0
        var start = 0
        while start < files.count {
            let batch = files[start..<min(start + batchSize, files.count)]
            start = batch.endIndex
            var entries: [CorpusEntry] = []
            var stale: [String] = []
            for file in batch where seen.insert(file.path).inserted {
                defer { done += 1; progress?(done, files.count) }
                let data: Data
                do { data = try Self.read(file) } catch {
                    summary.skipped.append(.init(path: file.path, reason: "\(error)"))
                    if known[file.path] != nil { stale.append(file.path) }
                    continue
                }
                let hash = SHA256.hex(data)
                if let entry = known[file.path], entry.hash == hash, entry.analysis == fingerprint {
                    summary.unchanged += 1
                    continue
                }
                do {
                    entries.append(try analyzer.entry(path: file.path, data: data, hash: hash))
                } catch {
                    let reason = (error as? TextDecoder.Failure)?.description ?? "\(error)"
                    summary.skipped.append(.init(path: file.path, reason: reason))
                    if known[file.path] != nil { stale.append(file.path) }
                }
            }
            guard !entries.isEmpty || !stale.isEmpty else { continue }
            try database.write { db in
                var frequencies = TermDeltas()
                for path in stale { try Self.remove(path, in: db, frequencies: &frequencies) }
                for entry in entries {
                    if known[entry.path] != nil {
                        try Self.remove(entry.path, in: db, frequencies: &frequencies)
                        summary.updated += 1
                    } else {
                        summary.added += 1
                    }
                    try Self.insert(entry, in: db, frequencies: &frequencies)
                }
                try frequencies.apply(in: db)
            }
            summary.removed += stale.count
        }
        if let scopes {
            let gone = known.keys.filter { path in
                !seen.contains(path) && scopes.contains { scope in
                    scope.isEmpty ? !path.hasPrefix("/") : path.hasPrefix(scope)
                }
            }.sorted()
            var index = 0
            while index < gone.count {
                let batch = gone[index..<min(index + batchSize, gone.count)]
                index = batch.endIndex
                try database.write { db in
                    var frequencies = TermDeltas()
                    for path in batch { try Self.remove(path, in: db, frequencies: &frequencies) }
                    try frequencies.apply(in: db)
                }
                summary.removed += batch.count
            }
        }
        return summary
    }

    /// Removes documents by stored path; returns how many were there.
    @discardableResult
    public func remove(_ paths: [String]) throws -> Int {
        try database.write { db in
            var frequencies = TermDeltas()
            var count = 0
            for path in paths {
                if try Self.remove(path, in: db, frequencies: &frequencies) { count += 1 }
            }
            try frequencies.apply(in: db)
            return count
        }
    }

    /// Fills `shadow_map` once: the shadow of every BMP unit from U+2000 up (lower units are
    /// their own shadow), kept where it differs.
    func saveShadowMap(_ converter: ScriptConverter) throws {
        let filled = try database.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM shadow_map)") ?? false }
        guard !filled else { return }
        let units = (UInt16(0x2000)...UInt16(0xFFFF)).filter { !(0xD800...0xDFFF).contains($0) }
        let shadow = converter.shadow(units)
        try database.write { db in
            let insert = try db.cachedStatement(sql: "INSERT INTO shadow_map (unit, shadow) VALUES (?, ?)")
            for (unit, mapped) in zip(units, shadow) where unit != mapped {
                try insert.execute(arguments: [Int(unit), Int(mapped)])
            }
        }
    }

    static func read(_ file: CorpusFiles.File) throws -> Data {
        let size = (try? FileManager.default.attributesOfItem(atPath: file.url.path)[.size] as? Int) ?? 0
        guard size <= SourceFile.maximumSize else {
            throw CorpusFiles.Failure(path: file.path, reason: "is \(size / 1_048_576) MB; files over \(SourceFile.maximumSize / 1_048_576) MB are not read")
        }
        do { return try Data(contentsOf: file.url) } catch {
            throw CorpusFiles.Failure(path: file.path, reason: "cannot be read (\(error.localizedDescription))")
        }
    }

    /// Deletes a document with its headings, sentences (and their full-text rows, by trigger)
    /// and annotations, and takes its terms out of the document frequencies.
    @discardableResult
    static func remove(_ path: String, in db: Database, frequencies: inout TermDeltas) throws -> Bool {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, terms FROM documents WHERE path = ?", arguments: [path]) else {
            return false
        }
        let id: Int64 = row[0]
        let terms: String = row[1]
        for term in terms.split(separator: "\n") { frequencies.add(String(term), -1) }
        try db.execute(sql: "DELETE FROM sentences WHERE document_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [id])
        return true
    }

    static func insert(_ entry: CorpusEntry, in db: Database, frequencies: inout TermDeltas) throws {
        try db.cachedStatement(sql: """
            INSERT INTO documents (path, hash, analysis, size, title, script, encoding, date, line_count,
                                   character_count, sentence_count, heading_count, terms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                entry.path, entry.hash, entry.analysis, entry.size, entry.title, entry.script, entry.encoding, entry.date,
                entry.lineCount, entry.characterCount, entry.sentences.count, entry.headings.count,
                entry.terms.joined(separator: "\n"),
            ])
        let id = db.lastInsertedRowID
        let heading = try db.cachedStatement(sql: """
            INSERT INTO headings (document_id, ordinal, level, text, line, end_line, shape, parent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (ordinal, item) in entry.headings.enumerated() {
            try heading.execute(arguments: [id, ordinal, item.level, item.text, item.line, item.endLine, item.shape.rawValue, item.parent])
        }
        let sentence = try db.cachedStatement(sql: """
            INSERT INTO sentences (document_id, line, role, heading, section, text, shadow) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for item in entry.sentences {
            try sentence.execute(arguments: [id, item.line, item.role.rawValue, item.headingIndex, item.sectionIndex, item.text, item.shadow])
        }
        let annotation = try db.cachedStatement(sql: """
            INSERT INTO annotations (document_id, kind, name, line, text, data) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for item in entry.annotations {
            try annotation.execute(arguments: [id, item.kind, item.name, item.line, item.text, item.data])
        }
        for term in entry.terms { frequencies.add(term, 1) }
    }
}

/// Changes to document frequencies within one transaction, written once per term.
struct TermDeltas {
    private var deltas: [String: Int] = [:]

    mutating func add(_ term: String, _ delta: Int) { deltas[term, default: 0] += delta }

    func apply(in db: Database) throws {
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO terms (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df
            """)
        let prune = try db.cachedStatement(sql: "DELETE FROM terms WHERE term = ? AND df <= 0")
        for (term, delta) in deltas.sorted(by: { $0.key < $1.key }) where delta != 0 {
            try upsert.execute(arguments: [term, delta])
            if delta < 0 { try prune.execute(arguments: [term]) }
        }
    }
}
