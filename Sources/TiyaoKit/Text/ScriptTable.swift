import CICUShim
import Foundation

/// Character-by-character traditional ⇄ simplified tables, read off ICU's Hant-Hans and
/// Hans-Hant transliterators. Opening those transliterators costs ~50 ms, most of a
/// short run, so the tables are built once per ICU version and kept in the user's cache
/// directory; later runs load them in well under a millisecond.
struct ScriptTable {
    /// Code units that change, and what they become.
    var toSimplified: [UInt16: UInt16]
    var toTraditional: [UInt16: UInt16]

    /// The Han and CJK punctuation ranges the tables cover.
    static let ranges: [ClosedRange<UInt16>] = [0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF]

    static func load() throws -> ScriptTable {
        let cache = cacheURL()
        if let cache, let data = try? Data(contentsOf: cache), let table = decode(data) { return table }
        let table = ScriptTable(toSimplified: try build("Hant-Hans"), toTraditional: try build("Hans-Hant"))
        if let cache {
            // A cache that cannot be written only costs the next run its 50 ms.
            try? FileManager.default.createDirectory(at: cache.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? AtomicFile.write(table.encoded(), to: cache)
        }
        return table
    }

    /// Transliterates every covered character in one call, each on a line of its own so
    /// that no rule sees a neighbour: the result is a per-character mapping.
    static func build(_ id: String) throws -> [UInt16: UInt16] {
        let transliterator = try Transliterator(id)
        let units = ranges.flatMap { $0 }
        var text: [UInt16] = []
        text.reserveCapacity(units.count * 2)
        for unit in units { text.append(unit); text.append(0x0A) }
        let pieces = transliterator.transliterate(text).split(separator: 0x0A, omittingEmptySubsequences: false)
        var table: [UInt16: UInt16] = [:]
        guard pieces.count >= units.count else { return table }
        for (unit, piece) in zip(units, pieces) where piece.count == 1 && piece.first! != unit {
            table[unit] = piece.first!
        }
        return table
    }

    static func cacheURL() -> URL? {
        let environment = ProcessInfo.processInfo.environment
        let base: URL
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            base = URL(fileURLWithPath: xdg)
        } else if let home = environment["HOME"], !home.isEmpty {
            base = URL(fileURLWithPath: home).appendingPathComponent(".cache")
        } else {
            return nil
        }
        var version = [CChar](repeating: 0, count: 32)
        tiyao_icu_version(&version, Int32(version.count))
        return base.appendingPathComponent("tiyao/script-table-icu\(String(cString: version))-v1.bin")
    }

    // File: "TYST", count of simplified pairs, pairs, count of traditional pairs, pairs (UInt16 little endian).
    func encoded() -> Data {
        var words: [UInt16] = [0x5954, 0x5453]
        for table in [toSimplified, toTraditional] {
            let pairs = table.sorted { $0.key < $1.key }
            words.append(UInt16(truncatingIfNeeded: pairs.count))
            words.append(UInt16(truncatingIfNeeded: pairs.count >> 16))
            for (key, value) in pairs { words.append(key); words.append(value) }
        }
        return words.withUnsafeBufferPointer { Data(buffer: $0) }
    }

    static func decode(_ data: Data) -> ScriptTable? {
        let words: [UInt16] = data.withUnsafeBytes { Array($0.bindMemory(to: UInt16.self)) }
        guard words.count >= 6, words[0] == 0x5954, words[1] == 0x5453 else { return nil }
        var index = 2
        func table() -> [UInt16: UInt16]? {
            guard index + 2 <= words.count else { return nil }
            let count = Int(words[index]) | Int(words[index + 1]) << 16
            index += 2
            guard index + 2 * count <= words.count else { return nil }
            var result: [UInt16: UInt16] = [:]
            result.reserveCapacity(count)
            for k in 0..<count { result[words[index + 2 * k]] = words[index + 2 * k + 1] }
            index += 2 * count
            return result
        }
        guard let simplified = table(), let traditional = table(), !simplified.isEmpty else { return nil }
        return ScriptTable(toSimplified: simplified, toTraditional: traditional)
    }
}
