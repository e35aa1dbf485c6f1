/// The terms a sentence is weighed by (TF-IDF, keyphrases, corpus statistics): ICU
/// words merged with the lexicon, read on the simplified shadow so traditional and
/// simplified text share terms. Punctuation, numbers and one-character function words
/// are dropped. One extractor serves the summarizer and the corpus store alike.
public final class TermExtractor {
    public let segmenter: WordSegmenter

    public init(lexicon: Lexicon) throws {
        segmenter = try WordSegmenter(lexicon: lexicon)
    }

    public func terms(_ shadow: [UInt16]) -> [String] {
        termTokens(shadow).map { String(utf16Units: shadow[$0.range]) }
    }

    public func terms(_ string: String) -> [String] { terms(Array(string.utf16)) }

    /// The tokens `terms` keeps, with their ranges in `shadow` (so callers can cite the
    /// original text, which has the same UTF-16 offsets as its shadow).
    public func termTokens(_ shadow: [UInt16]) -> [Token] {
        termTokens(segmenter.tokens(shadow), in: shadow)
    }

    /// The term tokens among tokens the segmenter already made of `shadow`.
    public func termTokens(_ tokens: [Token], in shadow: [UInt16]) -> [Token] {
        tokens.filter { token in
            switch token.kind {
            case .punctuation, .number: return false
            case .term: return true
            case .word:
                return !(token.range.count == 1 && Self.functionCharacters.contains(shadow[token.range.lowerBound]))
            }
        }
    }

    /// One-character words that carry no topic.
    static let functionCharacters: Set<UInt16> = Set("的了和与及或在是把被将对于从以为等也都而其之这那个中上下有要并又更就还让向给由着过".utf16)
}
