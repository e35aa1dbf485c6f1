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
        segmenter.tokens(shadow).compactMap { token in
            switch token.kind {
            case .punctuation, .number: return nil
            case .term: return String(utf16Units: shadow[token.range])
            case .word:
                let word = shadow[token.range]
                if word.count == 1 && Self.functionCharacters.contains(word.first!) { return nil }
                return String(utf16Units: word)
            }
        }
    }

    public func terms(_ string: String) -> [String] { terms(Array(string.utf16)) }

    /// One-character words that carry no topic.
    static let functionCharacters: Set<UInt16> = Set("的了和与及或在是把被将对于从以为等也都而其之这那个中上下有要并又更就还让向给由着过".utf16)
}
