/// Splits one line into sentences.
///
/// ICU's sentence rules propose the boundaries; a boundary is kept only where the text
/// before it ends, after closing quotes and brackets, in a GB/T 15834 sentence end
/// (。?! or ……). So a comma or semicolon never ends a sentence, "1." in a numbered
/// heading does not either, and closing quotes stay with their sentence. A line with no
/// final punctuation is one unit (its last sentence simply runs to the line end).
public final class SentenceSplitter {
    private let breaker: BreakIterator

    public init() throws { breaker = try BreakIterator(.sentence) }

    /// Sentence ranges (UTF-16 offsets) in `text`, without surrounding spaces; never empty ranges.
    public func split(_ text: [UInt16]) -> [Range<Int>] {
        var candidates = Set(breaker.boundaries(text))
        // ICU does not treat the ellipsis as a terminator; GB/T 15834 does.
        var i = 0
        while i < text.count {
            if text[i] == 0x2026 {
                var j = i
                while j < text.count, text[j] == 0x2026 { j += 1 }
                while j < text.count, Punctuation.isCloser(text[j]) { j += 1 }
                candidates.insert(j)
                i = j
            } else {
                i += 1
            }
        }
        var ranges: [Range<Int>] = []
        var start = 0
        for candidate in candidates.sorted() where candidate > start {
            // ICU counts an opening quote after 。 as closing the sentence before; move it back.
            var boundary = candidate
            while boundary > start + 1, Punctuation.isOpener(text[boundary - 1]) { boundary -= 1 }
            guard boundary == text.count || endsSentence(text, before: boundary) else { continue }
            if let trimmed = trim(text, start..<boundary) { ranges.append(trimmed) }
            start = boundary
        }
        if start < text.count, let trimmed = trim(text, start..<text.count) { ranges.append(trimmed) }
        return ranges
    }

    private func endsSentence(_ text: [UInt16], before boundary: Int) -> Bool {
        var k = boundary - 1
        while k >= 0, Punctuation.isSpace(text[k]) || Punctuation.isCloser(text[k]) { k -= 1 }
        return k >= 0 && Punctuation.isSentenceEnd(text[k])
    }

    private func trim(_ text: [UInt16], _ range: Range<Int>) -> Range<Int>? {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, Punctuation.isSpace(text[lower]) { lower += 1 }
        while upper > lower, Punctuation.isSpace(text[upper - 1]) { upper -= 1 }
        return lower < upper ? lower..<upper : nil
    }
}
