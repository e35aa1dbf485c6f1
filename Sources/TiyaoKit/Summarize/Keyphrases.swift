import Foundation

/// Keyphrases of a document: its terms weighed by TF-IDF, lexicon terms (the user's own
/// vocabulary) and terms of the title and headings preferred, shorter terms dropped when
/// a chosen longer one contains them. Counting words (四项, 两个) and the verbs and adverbs
/// every report uses (推进, 深化, 持续…) and ordinals (第二) are no keyphrases. Reported in the document's own script.
enum Keyphrases {
    /// Words of official prose that carry no topic (read on the simplified shadow).
    static let stopWords: Set<String> = [
        "推进", "推动", "深化", "加强", "坚持", "实施", "开展", "建立", "完善", "提升", "落实", "持续", "全面", "深入",
        "积极", "不断", "健全", "强化", "打造", "优化", "聚焦", "围绕", "发挥", "进一步", "工作", "建设", "发展",
        "突出", "注重", "着力", "大力", "切实", "扎实", "有效", "创新", "提高", "加快", "实现", "形成", "构建", "做好",
        "抓好", "用好", "统筹", "以来", "目前", "同时", "通过", "作为", "成为", "进行", "组织开展", "一批", "一线",
        "全市", "全省", "全县", "全区", "各级", "广大", "重要", "重点", "主要", "相关", "共同", "更加", "今年", "近年来",
    ]
    static let limit = 10
    static let lexiconBoost = 1.5
    static let headingBoost = 1.5

    static func extract(_ document: Document, lineTerms: [Int: [Token]], lexicon: Lexicon, extractor: TermExtractor,
                        statistics: TermStatistics?, limit: Int = Keyphrases.limit) -> [String] {
        struct Entry { var count = 0; var first: (line: Int, range: Range<Int>); var isTerm: Bool }
        var entries: [String: Entry] = [:]
        var local = TermStatistics()
        for number in lineTerms.keys.sorted() {
            let line = document.lines[number - 1]
            var seen: [String] = []
            for token in lineTerms[number]! where token.range.count >= 2 {
                let shadow = line.shadow[token.range]
                // Numbers and codes are figures, counting words are slogans: neither is a keyphrase.
                guard shadow.contains(where: { (0x4E00...0x9FFF).contains($0) }),
                      !SloganFinder.numerals.utf16.contains(shadow.first!), shadow.first != 0x7B2C /* 第 */ else { continue }
                let key = String(utf16Units: shadow)
                guard !stopWords.contains(key) else { continue }
                seen.append(key)
                if entries[key] == nil {
                    entries[key] = Entry(first: (number, token.range), isTerm: token.kind == .term || lexicon.contains(key))
                }
                entries[key]!.count += 1
            }
            local.add(terms: seen)
        }
        let idfTable = (statistics?.documentCount ?? 0) > 0 ? statistics! : local
        // Terms of the title, subtitle and headings.
        var prominent = Set<String>()
        for line in document.lines where line.role == .title || line.role == .subtitle {
            prominent.formUnion(extractor.terms(line.shadow))
        }
        for heading in document.headings {
            for number in heading.line...heading.endLine {
                let line = document.lines[number - 1]
                let range = heading.line == heading.endLine ? heading.position..<(heading.position + heading.shadow.utf16.count) : 0..<line.shadow.count
                for token in lineTerms[number] ?? [] where range.contains(token.range.lowerBound) {
                    prominent.insert(String(utf16Units: line.shadow[token.range]))
                }
            }
        }

        let scored = entries.map { key, entry -> (key: String, score: Double, entry: Entry) in
            var score = (1 + log(Double(entry.count))) * idfTable.idf(key)
            if entry.isTerm { score *= lexiconBoost }
            let inHeading = prominent.contains(key)
            if inHeading { score *= headingBoost }
            // A word seen once outside the title and headings is no keyphrase.
            if entry.count < 2 && !inHeading { score = 0 }
            return (key, score, entry)
        }.filter { $0.score > 0 }.sorted {
            $0.score != $1.score ? $0.score > $1.score : ($0.entry.first.line, $0.entry.first.range.lowerBound) < ($1.entry.first.line, $1.entry.first.range.lowerBound)
        }
        var chosen: [(key: String, text: String)] = []
        for candidate in scored where chosen.count < limit {
            if chosen.contains(where: { $0.key.contains(candidate.key) }) { continue }
            let line = document.lines[candidate.entry.first.line - 1]
            chosen.append((candidate.key, line.text(candidate.entry.first.range)))
        }
        return chosen.map(\.text)
    }
}
