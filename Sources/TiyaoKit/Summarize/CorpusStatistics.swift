import Foundation

/// Document frequencies over the user's corpus (the `*.txt` files of a directory), one
/// table per feature kind, for IDF. Each non-blank line (paragraph) of a corpus file is
/// one document, so the statistics stay informative on a small corpus.
///
/// Cached in `DIR/.tiyao/idf.json`, keyed by a hash of the files' names, sizes and
/// modification times and of the lexicon (which decides the terms); written atomically.
public struct CorpusStatistics: Codable, Sendable {
    /// Bump when the way statistics are counted changes.
    static let version = "idf-v1"

    public var key: String
    public var files: Int
    public var terms: TermStatistics
    public var bigrams: TermStatistics

    public func statistics(_ kind: FeatureKind) -> TermStatistics {
        switch kind {
        case .terms: return terms
        case .bigrams: return bigrams
        }
    }

    public static func cacheURL(_ directory: URL) -> URL {
        directory.appendingPathComponent(".tiyao").appendingPathComponent("idf.json")
    }

    /// The statistics of the corpus in `directory`: from the cache when it is current,
    /// otherwise counted and cached. Nil when the directory holds no `.txt` file.
    /// - Parameter salt: what else the counts depend on (the lexicon's fingerprint).
    public static func load(directory: URL, extractor: TermExtractor, converter: ScriptConverter, salt: String) throws -> CorpusStatistics? {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SourceFile.Failure(path: directory.path, reason: "is not a corpus directory")
        }
        let names = try fileManager.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }.sorted()
        guard !names.isEmpty else { return nil }

        var fingerprint = "\(version)|\(salt)"
        for name in names {
            let attributes = try? fileManager.attributesOfItem(atPath: directory.appendingPathComponent(name).path)
            let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            fingerprint += "|\(name)|\(size)|\(String(format: "%.6f", modified))"
        }
        let key = Fingerprint.hex(fingerprint)

        let cache = cacheURL(directory)
        if let data = try? Data(contentsOf: cache),
           let cached = try? JSONDecoder().decode(CorpusStatistics.self, from: data), cached.key == key {
            return cached
        }

        var terms = TermStatistics(), bigrams = TermStatistics()
        for name in names {
            let decoded = try SourceFile.read(directory.appendingPathComponent(name).path)
            for line in decoded.text.split(whereSeparator: \.isNewline) {
                let shadow = converter.shadow(Array(line.utf16))
                let termList = extractor.terms(shadow)
                guard !termList.isEmpty else { continue }
                terms.add(terms: termList)
                bigrams.add(terms: FeatureKind.bigrams(shadow))
            }
        }
        let statistics = CorpusStatistics(key: key, files: names.count, terms: terms, bigrams: bigrams)
        // The cache is an optimisation: a read-only corpus simply is not cached.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if let data = try? encoder.encode(statistics) {
            try? fileManager.createDirectory(at: cache.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? AtomicFile.write(data, to: cache)
        }
        return statistics
    }
}

/// A stable 64-bit FNV-1a hash (Swift's `hashValue` changes from run to run).
enum Fingerprint {
    static func hash(_ string: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in string.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    static func hex(_ string: String) -> String {
        let value = String(hash(string), radix: 16)
        return String(repeating: "0", count: 16 - value.count) + value
    }
}

extension Templates {
    /// A fingerprint of the lexicon file (empty lexicon when absent), for caches of terms.
    public func lexiconFingerprint() -> String {
        let data = (try? Data(contentsOf: url("lexicon.txt"))) ?? Data()
        return Fingerprint.hex(String(decoding: data, as: UTF8.self))
    }
}
