/// A word: its UTF-16 range in the text it came from, and what kind of token it is.
public struct Token: Hashable, Sendable {
    public enum Kind: Sendable { case word, number, term, punctuation }
    public var range: Range<Int>
    public var kind: Kind
}

/// Chinese word segmentation: ICU's dictionary-based word break, then a merge against
/// the domain lexicon so that a lexicon term (高质量发展, 两个维护, …) is always one token.
public final class WordSegmenter {
    private let breaker: BreakIterator
    public let lexicon: Lexicon

    public init(lexicon: Lexicon = Lexicon()) throws {
        breaker = try BreakIterator(.word)
        self.lexicon = lexicon
    }

    public func tokens(_ text: [UInt16]) -> [Token] {
        var tokens: [Token] = []
        var start = 0
        for (end, kind) in breaker.segments(text) {
            defer { start = end }
            switch kind {
            case .none:
                // Spaces are dropped; punctuation is kept so callers can see clause edges.
                if !(start..<end).allSatisfy({ Punctuation.isSpace(text[$0]) }) {
                    tokens.append(Token(range: start..<end, kind: .punctuation))
                }
            case .number: tokens.append(Token(range: start..<end, kind: .number))
            case .letter, .ideographic: tokens.append(Token(range: start..<end, kind: .word))
            }
        }
        return merge(tokens, with: lexicon.matches(in: text))
    }

    /// Tokens as strings (convenience for callers that do not need positions).
    public func words(_ string: String) -> [String] {
        let units = Array(string.utf16)
        return tokens(units).map { String(utf16Units: units[$0.range]) }
    }

    /// Replaces the tokens a lexicon match covers or cuts into by the match itself.
    /// A token cut by a term is split at the term's edges, so no character is lost.
    private func merge(_ tokens: [Token], with terms: [Range<Int>]) -> [Token] {
        guard !terms.isEmpty else { return tokens }
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        var t = 0
        for term in terms {
            while t < tokens.count, tokens[t].range.upperBound <= term.lowerBound {
                result.append(tokens[t]); t += 1
            }
            // Keep the part of a token that starts before the term.
            if t < tokens.count, tokens[t].range.lowerBound < term.lowerBound {
                result.append(Token(range: tokens[t].range.lowerBound..<term.lowerBound, kind: tokens[t].kind))
            }
            result.append(Token(range: term, kind: .term))
            while t < tokens.count, tokens[t].range.upperBound <= term.upperBound { t += 1 }
            // Keep the part of a token that runs past the term.
            if t < tokens.count, tokens[t].range.lowerBound < term.upperBound {
                result.append(Token(range: term.upperBound..<tokens[t].range.upperBound, kind: tokens[t].kind))
                t += 1
            }
        }
        result.append(contentsOf: tokens[t...])
        return result
    }
}
