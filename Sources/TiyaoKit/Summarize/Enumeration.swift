/// Enumerations (一是…二是…三是…, 第一,…第二,…, 首先…其次…) are kept together in a summary,
/// never shredded: a sentence opening the k-th item joins the sentence holding the
/// (k-1)-th, so the summarizer selects or skips the whole enumeration.
enum Enumeration {
    static let numerals: [Character] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    static let sequence = ["首先", "其次", "再次", "最后"]

    /// The item number a (normalized) sentence opens with: 二是 → 2, 第三, → 3, 其次 → 2.
    static func ordinal(opening shadow: Substring) -> Int? {
        let text = shadow.drop { $0 == " " || $0 == "\u{3000}" }
        if text.count >= 2, let index = numerals.firstIndex(of: text.first!), text.dropFirst().first == "是" { return index + 1 }
        if text.first == "第", let second = text.dropFirst().first, let index = numerals.firstIndex(of: second),
           let mark = text.dropFirst(2).first, ",、:".contains(mark) {
            return index + 1
        }
        for (index, word) in sequence.enumerated() where text.hasPrefix(word) {
            let mark = text.dropFirst(word.count).first
            if let mark, ",、:".contains(mark) { return index + 1 }
        }
        return nil
    }

    /// Whether the sentence holds the marker of item `k` (at its start or after a clause mark).
    static func mentions(_ k: Int, in shadow: String) -> Bool {
        guard k >= 1, k <= numerals.count else { return false }
        if shadow.contains("\(numerals[k - 1])是") || shadow.contains("第\(numerals[k - 1]),") || shadow.contains("第\(numerals[k - 1])、") {
            return true
        }
        return k <= sequence.count && (shadow.contains(sequence[k - 1] + ",") || shadow.contains(sequence[k - 1] + "、"))
    }

    /// Whether `sentence` continues the enumeration that `previous` (same paragraph) holds.
    static func continues(_ sentence: Sentence, after previous: Sentence) -> Bool {
        guard sentence.line == previous.line, let k = ordinal(opening: sentence.shadow[...]), k >= 2 else { return false }
        return mentions(k - 1, in: previous.shadow)
    }
}
