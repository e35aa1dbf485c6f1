import Foundation
import GRDB

/// The corpus index: an embedded SQLite database (WAL mode) holding every indexed
/// document's metadata, headings, sentences with their line numbers, a full-text index of
/// the sentences and the document frequency of every term. Indexing writes one
/// transaction per batch of files, so a crash or `kill -9` leaves the database as it was
/// after the last finished batch, and the next run picks up from there.
///
/// Default location: `corpus/.tiyao/index.sqlite` (git-ignored).
public final class CorpusStore {
    public static let defaultPath = "corpus/.tiyao/index.sqlite"

    public enum Failure: Error, CustomStringConvertible, Sendable {
        case missing(String)
        case unreadable(String, String)
        case newerSchema(String, Int)

        public var description: String {
            switch self {
            case let .missing(path): return "no corpus index at \(path); run `tiyao corpus index` first"
            case let .unreadable(path, reason): return "\(path): not a usable corpus index (\(reason))"
            case let .newerSchema(path, version):
                return "\(path): corpus index schema \(version) is newer than this tiyao understands; rebuild it with `tiyao corpus index` after removing it"
            }
        }
    }

    /// Where the database file is.
    public let url: URL
    let database: DatabaseQueue

    /// Opens the store at `path`. With `create`, a missing database (and its directory) is
    /// created; without it, a missing database is `Failure.missing`.
    public init(path: String, create: Bool) throws {
        url = URL(fileURLWithPath: path)
        let exists = FileManager.default.fileExists(atPath: url.path)
        if !exists {
            guard create else { throw Failure.missing(path) }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // WAL with synchronous=NORMAL: a committed batch survives a killed process;
            // only a power cut may lose the last batches, never consistency.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 268435456")
        }
        do {
            database = try DatabaseQueue(path: url.path, configuration: configuration)
            let version = try database.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
            if version > CorpusSchema.version { throw Failure.newerSchema(path, version) }
            try CorpusSchema.migrator.migrate(database)
        } catch let failure as Failure {
            throw failure
        } catch let error as DatabaseError {
            throw Failure.unreadable(path, error.message ?? "\(error)")
        }
    }

    /// Size on disk of the database and its write-ahead log, in bytes.
    public var byteSize: Int {
        [url.path, url.path + "-wal"].reduce(0) { total, path in
            total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
    }

    /// Folds the write-ahead log into the database file (at the end of an indexing run).
    public func checkpoint() throws {
        try database.writeWithoutTransaction { db in _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    /// Runs SQLite's own consistency check; "ok" when the database is sound.
    public func integrityCheck() throws -> String {
        try database.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n") }
    }
}
