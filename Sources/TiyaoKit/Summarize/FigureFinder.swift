/// Key figures (数字亮点): a number with its unit and, for counting words, what it counts —
/// "5879个基层党组织", "11万多名党员", "3000名以上", "75%", "2000万元", "13.95亿". Calendar
/// years (2024年, 2021—2023年), dates (5月31日) and ordinals (第4位) are left out. Read on
/// the normalized shadow (so full-width digits count), reported exactly as in the source.
final class FigureFinder {
    /// A number (range allowed), its multiplier and modifiers, a unit, a trailing modifier.
    private let regex: ICURegex
    private let segmenter: WordSegmenter

    /// Counting words after which the counted thing follows ("23个市级党员教育基地").
    static let classifiers: Set<String> = ["个", "名", "家", "项", "次", "期", "场", "场次", "条", "件", "所", "座", "户",
                                           "批", "支", "处", "类", "种", "位", "间", "套", "台", "辆", "部", "本", "篇",
                                           "份", "门", "颗", "届", "栋", "艘", "架"]
    /// Characters that end the counted noun phrase (function words, common verbs' first characters).
    static let stopCharacters: Set<UInt16> = Set("的了和与及或等在是为被将把对从以也都而由向给到达共并已均各每有占提参开获受入进来使让其这那至于按个中上下内外后前约近超".utf16)
    /// Verbs that often follow a counted noun.
    static let stopWords: Set<String> = ["开展", "参加", "参与", "提供", "实施", "完成", "获得", "获评", "入选", "入围", "受到",
                                         "推动", "推进", "实现", "带头", "驻村", "开设", "举办", "举行", "进行", "成为", "落实",
                                         "成立", "组建", "发放", "覆盖", "参训", "提升", "增长", "帮助", "带动", "服务", "创业",
                                         "致富", "结对", "联系", "走访", "培训", "表彰", "评为", "打造", "齐聚", "组团", "参观",
                                         "签约", "达成", "引进", "培养", "培育", "选派", "选拔", "提拔", "招录", "录用", "新增",
                                         "增设", "建成", "创建", "形成", "通过", "纳入", "列入", "涌现", "获得", "荣获", "常态化", "常态",
                                         "集中", "分别", "共同", "全部", "先后", "累计", "相继", "陆续", "积极", "主动"]
    /// Characters a counted noun ends in (Chinese noun phrases end in their head noun):
    /// 员 部 队 点 村 … The phrase is cut after its last such character or lexicon term.
    static let headCharacters: Set<UInt16> = Set("员部队点村镇乡县市省区社校生班会组室站所家人者才业户项目件品线园城企团委局厅院馆库台网众体务措施策章书稿课基地车房楼厂店场金款资岗位师士长官兵民支记门".utf16)
    static let maxNounLength = 8
    static let maxNounWords = 5

    init(segmenter: WordSegmenter? = nil) throws {
        let number = #"\d+(?:\.\d+)?(?:\s?[-—–~～至到]\s?\d+(?:\.\d+)?)?"#
        let units = "个百分点|百分点|人次|场次|户次|批次|平方公里|平方米|公里|千米|毫升|厘米|个月|小时|分钟|周年|"
            + "年|天|周|倍|名|个|人|家|项|次|期|场|条|件|所|座|户|元|吨|亩|米|届|批|支|处|间|套|台|辆|部|本|篇|份|门|类|种|颗|岁|位|栋|艘|架|%|‰"
        regex = try ICURegex("(?<![\\d.A-Za-z])(?<number>\(number))(?<pre>余|多)?(?<mult>万|亿|千|百)?(?<post>余|多)?"
                             + "(?<unit>\(units))?(?<tail>以上|以下|左右|余|多)?")
        self.segmenter = try segmenter ?? WordSegmenter()
    }

    static let figureRoles: Set<Line.Role> = [.title, .subtitle, .abstract, .heading, .body]

    /// Where the figures are: line numbers and UTF-16 ranges in the line, in document order.
    func locate(in document: Document, tokens cache: TokenCache? = nil) -> [(line: Int, range: Range<Int>)] {
        let cache = cache ?? TokenCache(segmenter)
        var result: [(line: Int, range: Range<Int>)] = []
        for line in document.lines where Self.figureRoles.contains(line.role) {
            guard line.shadow.contains(where: { (0x30...0x39).contains($0) }),
                  let matches = try? regex.matches(in: line.shadow) else { continue }
            var tokens: [Token]?
            for match in matches {
                guard let range = figure(match, in: line.shadow) else { continue }
                var end = range.upperBound
                if let unit = match.groups["unit"], match.groups["tail"] == nil,
                   Self.classifiers.contains(String(utf16Units: line.shadow[unit])) {
                    if tokens == nil { tokens = cache.tokens(line) }
                    end = nounEnd(after: end, in: line.shadow, tokens: tokens!)
                }
                result.append((line.number, range.lowerBound..<end))
            }
        }
        return result
    }

    /// The figures as in the source, each (text, line) once.
    static func spans(_ located: [(line: Int, range: Range<Int>)], in document: Document) -> [Summary.Span] {
        var seen = Set<String>()
        var result: [Summary.Span] = []
        for (number, range) in located {
            let text = document.lines[number - 1].text(range)
            if seen.insert("\(number)\u{1}\(text)").inserted { result.append(Summary.Span(text: text, line: number)) }
        }
        return result
    }

    func figures(in document: Document, tokens: TokenCache? = nil) -> [Summary.Span] {
        Self.spans(locate(in: document, tokens: tokens), in: document)
    }

    /// The figure's range, or nil when the match is a year, a date, an ordinal or a bare number.
    private func figure(_ match: ICURegex.Match, in shadow: [UInt16]) -> Range<Int>? {
        guard let numberRange = match.groups["number"] else { return nil }
        let unit = match.groups["unit"].map { String(utf16Units: shadow[$0]) }
        let multiplier = match.groups["mult"].map { String(utf16Units: shadow[$0]) }
        // A figure needs a unit, or a 万/亿 multiplier ("13.95亿").
        guard unit != nil || multiplier == "万" || multiplier == "亿" else { return nil }
        // Ordinals: 第4位, 第七届.
        if numberRange.lowerBound > 0, shadow[numberRange.lowerBound - 1] == 0x7B2C { return nil }
        if unit == "年" && multiplier == nil {
            // Calendar years (2024年, 2021—2023年, 2020年度) are dates, not figures.
            let digits = shadow[numberRange].split { !(0x30...0x39).contains($0) }
            if digits.contains(where: { $0.count == 4 }) { return nil }
            let after = match.range.upperBound
            if after < shadow.count, "月度底初末".utf16.contains(shadow[after]) { return nil }
        }
        return match.range
    }

    /// Where the counted noun after a counting word ends: whole words, while they are
    /// letters, not function words or common verbs, at most a few words and characters,
    /// cut after the last head noun. A quoted name inside the noun is kept whole
    /// (54名“双一流”选调生).
    private func nounEnd(after start: Int, in shadow: [UInt16], tokens: [Token]) -> Int {
        var end = start, words = 0
        var headEnd = start  // the end after the last head noun
        var quote: Int?  // where an open quotation began
        for token in tokens where token.range.upperBound > start {
            let lower = max(token.range.lowerBound, start)
            guard lower == end else { break }
            let word = shadow[lower..<token.range.upperBound]
            if token.kind == .punctuation {
                if quote == nil, word.count == 1, Punctuation.isOpener(word.first!) { quote = end; end = token.range.upperBound; continue }
                if quote != nil, word.count == 1, Punctuation.isCloser(word.first!) { quote = nil; end = token.range.upperBound; continue }
                break
            }
            guard token.kind == .word || token.kind == .term else { break }
            if quote == nil {
                guard let first = word.first, !Self.stopCharacters.contains(first),
                      !Self.stopWords.contains(String(utf16Units: word)) else { break }
            }
            guard word.allSatisfy({ (0x4E00...0x9FFF).contains($0) }),
                  token.range.upperBound - start <= Self.maxNounLength + (quote == nil ? 0 : 4),
                  words < Self.maxNounWords else { break }
            end = token.range.upperBound
            if quote == nil {
                words += 1
                if token.kind == .term || Self.headCharacters.contains(word.last!) { headEnd = end }
            }
        }
        // A bracket right after the head noun stays with it: 286个村(社区).
        if headEnd < end, shadow[headEnd] == 0x28, let close = shadow[headEnd..<end].firstIndex(of: 0x29) {
            return close + 1
        }
        return headEnd
    }
}
