import CICUShim

/// Unicode normalization through ICU.
public enum Normalizer {
    public enum Form { case nfc, nfkc, nfkcCasefold }

    public static func normalize(_ units: [UInt16], _ form: Form) -> [UInt16] {
        guard !units.isEmpty else { return [] }
        let raw: Int32
        switch form {
        case .nfc: raw = Int32(TIYAO_NFC)
        case .nfkc: raw = Int32(TIYAO_NFKC)
        case .nfkcCasefold: raw = Int32(TIYAO_NFKC_CASEFOLD)
        }
        var capacity = units.count * 2 + 8
        while true {
            var dest = [UInt16](repeating: 0, count: capacity)
            var status: Int32 = 0
            let length = tiyao_normalize(raw, units, Int32(units.count), &dest, Int32(capacity), &status)
            if status == ICUError.bufferOverflow { capacity = Int(length) + 8; continue }
            if status > 0 { return units }
            return Array(dest.prefix(Int(length)))
        }
    }

    public static func normalize(_ string: String, _ form: Form) -> String {
        String(utf16Units: normalize(Array(string.utf16), form))
    }
}
