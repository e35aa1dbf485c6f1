/// What a sentence vector is made of.
public enum FeatureKind: String, Codable, CaseIterable, Sendable {
    /// The term extractor's words and lexicon terms.
    case terms
    /// Overlapping pairs of letters or digits inside a clause (character bigrams).
    case bigrams

    /// The features of one piece of shadow text, as strings, with repeats.
    func features(_ shadow: [UInt16], extractor: TermExtractor) -> [String] {
        switch self {
        case .terms: return extractor.terms(shadow)
        case .bigrams: return Self.bigrams(shadow)
        }
    }

    static func bigrams(_ shadow: [UInt16]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(shadow.count)
        var previous: UInt16?
        for unit in shadow {
            if isContent(unit) {
                if let previous { result.append(String(utf16Units: [previous, unit])) }
                previous = unit
            } else {
                previous = nil
            }
        }
        return result
    }

    /// Han characters, Latin letters and digits (the shadow has ASCII digits and letters).
    static func isContent(_ u: UInt16) -> Bool {
        (0x4E00...0x9FFF).contains(u) || (0x3400...0x4DBF).contains(u) || (0xF900...0xFAFF).contains(u)
            || (0x30...0x39).contains(u) || (0x41...0x5A).contains(u) || (0x61...0x7A).contains(u)
    }
}
