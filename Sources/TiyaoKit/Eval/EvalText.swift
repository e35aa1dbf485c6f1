/// The normalization every evaluation here compares by: NFKC, traditional → simplified,
/// whitespace and punctuation (and symbols) dropped. What remains is letters and digits.
public struct EvalText {
    let converter: ScriptConverter

    public init(converter: ScriptConverter) { self.converter = converter }

    public func normalize(_ text: String) -> String {
        let simplified = converter.convert(Normalizer.normalize(text, .nfkc), to: .simplified)
        return String(String.UnicodeScalarView(simplified.unicodeScalars.filter { scalar in
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                return true
            default:
                return false
            }
        }))
    }
}
