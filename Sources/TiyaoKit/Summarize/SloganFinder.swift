/// Numbered slogans (提法): a Chinese numeral or digits with 个/项/大/条/张/抓 or 字诀 —
/// “三抓三强”, “四项工程”, “两个维护”, “六大工程”, “八字诀” — with how often and on which lines
/// they occur. Small and self-contained so the pattern engine can replace it later.
///
/// A slogan is found when it is quoted (“四项工程”), when it is a lexicon term of that
/// shape (两个维护), or, unquoted, in the strong shapes N抓N… and N大/N项 + a word
/// (三大重点). Unquoted 一 (一大批, 一项工作) and unquoted digits are ordinary counting.
final class SloganFinder {
    static let numerals = "一二两三四五六七八九十百"
    private let quoted: ICURegex
    private let shape: ICURegex
    private let unquotedGrab: ICURegex
    private let unquotedTwin: ICURegex
    private let unquotedFormula: ICURegex
    private let lexicon: Lexicon
    private let segmenter: WordSegmenter

    init(lexicon: Lexicon, segmenter: WordSegmenter? = nil) throws {
        let n = "[\(Self.numerals)]+|\\d+"
        quoted = try ICURegex("[“\"「『‘](?<inner>[^“”\"「」『』‘’,。;:!?、\\s]{2,12})[”\"」』’]")
        shape = try ICURegex("^(?:(?:\(n))(?:个|项|大|条|张)\\p{Han}|[\(Self.numerals)]抓[\(Self.numerals)]\\p{Han}|.*(?:\(n))字诀$)")
        unquotedTwin = try ICURegex("(?<![\(Self.numerals)])[二两三四五六七八九十]抓[\(Self.numerals)]\\p{Han}")
        unquotedGrab = try ICURegex("(?<![\(Self.numerals)\\d])[二两三四五六七八九十]+(?:大|项)(?=\\p{Han})")
        unquotedFormula = try ICURegex("(?<![\(Self.numerals)\\d])[\(Self.numerals)]+字诀")
        self.segmenter = try segmenter ?? WordSegmenter(lexicon: lexicon)
        self.lexicon = lexicon
    }

    static let roles: Set<Line.Role> = [.title, .subtitle, .abstract, .heading, .body]

    func slogans(in document: Document, tokens cache: TokenCache? = nil) -> [Summary.Slogan] {
        let cache = cache ?? TokenCache(segmenter)
        let lines = document.lines.filter { Self.roles.contains($0.role) }
        // 1. Which slogans the document uses (keys in the shadow), with their first spelling.
        var keys: [String] = []
        var spelling: [String: String] = [:]
        func add(_ line: Line, _ range: Range<Int>) {
            let key = String(utf16Units: line.shadow[range])
            if spelling[key] == nil {
                spelling[key] = line.text(range)
                keys.append(key)
            }
        }
        for line in lines {
            var quotedRanges: [Range<Int>] = []
            for match in (try? quoted.matches(in: line.shadow)) ?? [] {
                guard let inner = match.groups["inner"] else { continue }
                quotedRanges.append(match.range)
                if (try? shape.firstMatch(in: Array(line.shadow[inner]))) != nil { add(line, inner) }
            }
            func free(_ range: Range<Int>) -> Bool { !quotedRanges.contains { $0.overlaps(range) } }
            for match in (try? unquotedTwin.matches(in: line.shadow)) ?? [] where free(match.range) {
                add(line, match.range)
            }
            for match in (try? unquotedFormula.matches(in: line.shadow)) ?? [] where free(match.range) {
                add(line, match.range)
            }
            var tokens: [Token]?
            for match in (try? unquotedGrab.matches(in: line.shadow)) ?? [] where free(match.range) {
                if tokens == nil { tokens = cache.tokens(line) }
                let end = wordEnd(after: match.range.upperBound, in: line.shadow, tokens: tokens!)
                if end > match.range.upperBound { add(line, match.range.lowerBound..<end) }
            }
            // Lexicon terms of the slogan shape are slogans wherever they stand.
            for start in line.shadow.indices where Self.numerals.utf16.contains(line.shadow[start]) {
                let length = lexicon.longestMatch(in: line.shadow, at: start)
                guard length >= 3 else { continue }
                let range = start..<(start + length)
                if (try? shape.firstMatch(in: Array(line.shadow[range]))) != nil { add(line, range) }
            }
        }
        // 2. Occurrences of each, anywhere in the author's text.
        var result: [(slogan: Summary.Slogan, first: Int)] = []
        for (order, key) in keys.enumerated() {
            let needle = Array(key.utf16)
            var count = 0
            var numbers: [Int] = []
            for line in lines {
                let found = Self.occurrences(of: needle, in: line.shadow)
                guard found > 0 else { continue }
                count += found
                numbers.append(line.number)
            }
            result.append((Summary.Slogan(text: spelling[key]!, count: count, lines: numbers), order))
        }
        return result.sorted { $0.slogan.count != $1.slogan.count ? $0.slogan.count > $1.slogan.count : $0.first < $1.first }
            .map(\.slogan)
    }

    /// The end of the words (at most four characters in all) naming what is numbered.
    private func wordEnd(after start: Int, in shadow: [UInt16], tokens: [Token]) -> Int {
        var end = start
        for token in tokens where token.range.upperBound > start {
            guard token.kind != .punctuation, token.kind != .number, token.range.lowerBound <= end else { break }
            let word = shadow[max(token.range.lowerBound, start)..<token.range.upperBound]
            guard word.allSatisfy({ (0x4E00...0x9FFF).contains($0) && !Self.numerals.utf16.contains($0) }),
                  token.range.upperBound - start <= 4 else { break }
            end = token.range.upperBound
        }
        return end - start >= 2 ? end : start
    }

    static func occurrences(of needle: [UInt16], in haystack: [UInt16]) -> Int {
        guard !needle.isEmpty, haystack.count >= needle.count else { return 0 }
        var count = 0, start = 0
        while start <= haystack.count - needle.count {
            if haystack[start] == needle[0], haystack[start..<(start + needle.count)].elementsEqual(needle) {
                count += 1
                start += needle.count
            } else {
                start += 1
            }
        }
        return count
    }
}
