/// Converts between traditional and simplified script character by character, never
/// word by word (so 文字 never becomes 文本), and builds the normalized "shadow" of a
/// text that the analysis reads: simplified script, NFKC punctuation (full-width ,:;?!()
/// become ASCII, corner quotes 「」 become “”), always the same UTF-16 length as the original so every offset found
/// in the shadow is an offset in the original.
public final class ScriptConverter {
    public enum Script: String, Codable, Sendable { case simplified, traditional }

    private let table: ScriptTable
    private var shadowCache: [UInt16: UInt16] = [:]

    public init() throws {
        table = try ScriptTable.load()
    }

    /// The analysis shadow: simplified + NFKC, unit for unit.
    public func shadow(_ units: [UInt16]) -> [UInt16] {
        units.map { unit in
            if unit < 0x2000 { return unit }  // Latin, digits, ASCII punctuation: unchanged
            if let cached = shadowCache[unit] { return cached }
            var mapped = unit
            if let quote = Self.cornerQuotes[unit] {
                mapped = quote
            } else if let simplified = table.toSimplified[unit] {
                mapped = simplified
            } else if !(0xD800...0xDFFF).contains(unit) {
                let nfkc = Normalizer.normalize([unit], .nfkc)
                if nfkc.count == 1 { mapped = nfkc[0] }
            }
            shadowCache[unit] = mapped
            return mapped
        }
    }

    /// Corner quotes of traditional text read as the curly quotes of simplified text, so one
    /// pattern serves both: 「」→“”, 『』→‘’.
    static let cornerQuotes: [UInt16: UInt16] = [0x300C: 0x201C, 0x300D: 0x201D, 0x300E: 0x2018, 0x300F: 0x2019]

    public func convert(_ string: String, to script: Script) -> String {
        let units = Array(string.utf16)
        let converted: [UInt16] = units.map { unit in
            if unit < 0x2E80 || (0xD800...0xDFFF).contains(unit) { return unit }
            switch script {
            case .simplified: return table.toSimplified[unit] ?? unit
            case .traditional: return table.toTraditional[unit] ?? unit
            }
        }
        return String(utf16Units: converted)
    }

    /// Traditional when a noticeable share of the Han characters change under Hant→Hans.
    public func detectScript(_ units: [UInt16]) -> Script {
        var han = 0, changed = 0
        for unit in units where (0x4E00...0x9FFF).contains(unit) {
            han += 1
            if table.toSimplified[unit] != nil { changed += 1 }
        }
        return changed >= 3 && changed * 25 >= han ? .traditional : .simplified
    }
}
