/// Numbered slogans (提法) and the members they announce: “三抓三强” is followed by
/// three 抓… points, “四项工程” by four 工程, “望闻问切”四字诀 by 望…/闻…/问…/切….
public struct Slogan: Codable, Sendable {
    public struct Child: Codable, Sendable {
        public var text: String
        public var line: Int
    }

    /// The slogan as in the source, without enclosing quotes.
    public var text: String
    /// The number it announces.
    public var count: Int
    /// Lines where it occurs.
    public var lines: [Int]
    public var children: [Child]
    /// Whether as many children were found as announced.
    public var complete: Bool
    public var pattern: String
}

enum SloganLinker {
    static func slogans(from matches: [PatternEngine.Match], in document: Document, library: PatternLibrary) -> [Slogan] {
        var byKey: [String: Int] = [:]
        var slogans: [Slogan] = []
        var occupied: [Int: [Range<Int>]] = [:]  // line → ranges already taken by a slogan
        for match in matches {
            guard let pattern = library.pattern(id: match.pattern), pattern.slogan,
                  let countText = pattern.countSlot.flatMap({ match.slots[$0] }),
                  let count = ChineseNumber.parse(countText), count >= 2 else { continue }
            let range = match.column..<(match.column + match.text.utf16.count)
            if occupied[match.line, default: []].contains(where: { $0.overlaps(range) }) { continue }
            occupied[match.line, default: []].append(range)
            let text = stripQuotes(match.text)
            let key = Normalizer.normalize(text, .nfkc)
            if let index = byKey[key] {
                if !slogans[index].lines.contains(match.line) { slogans[index].lines.append(match.line) }
                if slogans[index].children.count < slogans[index].count {
                    let children = self.children(of: match, pattern: pattern, count: count, in: document)
                    if children.count > slogans[index].children.count { slogans[index].children = children }
                }
            } else {
                let children = self.children(of: match, pattern: pattern, count: count, in: document)
                byKey[key] = slogans.count
                slogans.append(Slogan(text: text, count: count, lines: [match.line], children: children,
                                      complete: false, pattern: pattern.id))
            }
        }
        for index in slogans.indices { slogans[index].complete = slogans[index].children.count == slogans[index].count }
        return slogans
    }

    /// The members a slogan occurrence announces, by the first rule that finds some:
    /// an enumeration in brackets right after it; the sub-headings of the heading it
    /// stands in; the headings of its section that follow the sentence it stands in.
    static func children(of match: PatternEngine.Match, pattern: PhrasePattern, count: Int, in document: Document) -> [Slogan.Child] {
        let line = document.lines[match.line - 1]
        let end = match.column + match.text.utf16.count
        let members = pattern.memberChars.flatMap { match.slots[$0] }.map { Array($0) }

        func filtered(_ candidates: [Slogan.Child]) -> [Slogan.Child] {
            var result = candidates
            if let prefix = pattern.childPrefix {
                let simplifiedPrefix = Normalizer.normalize(prefix, .nfkc)
                result = result.filter { document.shadowOf($0).hasPrefix(simplifiedPrefix) }
            }
            if let members {
                // Each member character leads one child, in order.
                var picked: [Slogan.Child] = []
                var remaining = result[...]
                for member in members {
                    guard let found = remaining.firstIndex(where: { document.shadowOf($0).hasPrefix(String(member)) || $0.text.hasPrefix(String(member)) }) else { break }
                    picked.append(remaining[found])
                    remaining = remaining[(found + 1)...]
                }
                result = picked
            }
            return Array(result.prefix(count))
        }

        // 1. “六大工程”(固本强基、达标创优、…和党建引擎)
        if end < line.shadow.count, line.shadow[end] == 0x28,
           let close = line.shadow[end...].firstIndex(of: 0x29) {
            let inside = line.text((end + 1)..<close)
            let items = inside.split(whereSeparator: { "、,,和及".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if items.count >= 2 { return items.map { Slogan.Child(text: $0, line: match.line) } }
        }

        let headings = document.headings
        // 2. The slogan stands in a heading: its sub-headings.
        if let own = document.heading(containingLine: match.line, column: match.column) {
            let children = headings.indices.filter { headings[$0].parent == own }
                .map { Slogan.Child(text: headings[$0].text, line: headings[$0].line) }
            let picked = filtered(children)
            if !picked.isEmpty { return picked }
        }
        // 3. The slogan stands in a sentence: the headings after it in the same section,
        //    or failing those, the sentences after it that lead with a member.
        let section = document.sentences.first { $0.line == match.line && $0.range.contains(match.column) }?.sectionIndex
        let following = headings.indices.filter { index in
            headings[index].parent == section && (headings[index].line, headings[index].position) > (match.line, match.column)
        }.map { Slogan.Child(text: headings[$0].text, line: headings[$0].line) }
        let picked = filtered(following)
        if !picked.isEmpty { return picked }
        if pattern.childPrefix != nil || members != nil {
            let after = document.sentences.filter { ($0.line, $0.range.lowerBound) > (match.line, match.column) && $0.role == .body }
                .prefix(60).map { Slogan.Child(text: $0.text, line: $0.line) }
            return filtered(Array(after))
        }
        return []
    }

    static func stripQuotes(_ text: String) -> String {
        guard let first = text.first, let last = text.last, "“\"「『".contains(first), "”\"」』".contains(last), text.count > 2 else { return text }
        return String(text.dropFirst().dropLast())
    }
}

extension Document {
    /// The heading whose text holds a position, if any.
    func heading(containingLine number: Int, column: Int) -> Int? {
        headings.firstIndex { heading in
            if lines[number - 1].role == .heading { return (heading.line...heading.endLine).contains(number) }
            return heading.line == number && (heading.position..<(heading.position + heading.shadow.utf16.count)).contains(column)
        }
    }

    /// The normalized shadow of a child's text (its source line's shadow where it stands).
    func shadowOf(_ child: Slogan.Child) -> String {
        let line = lines[child.line - 1]
        let units = Array(child.text.utf16)
        if let start = line.units.firstRange(of: units)?.lowerBound {
            return line.shadowText(start..<(start + units.count))
        }
        return child.text
    }
}

/// Chinese and Arabic numbers as slogans write them: 两, 三, 十二, 二十, 4.
enum ChineseNumber {
    static func parse(_ text: String) -> Int? {
        if let value = Int(text) { return value }
        let digits: [Character: Int] = ["零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        let chars = Array(text)
        guard !chars.isEmpty else { return nil }
        if let ten = chars.firstIndex(of: "十") {
            let tens = ten == 0 ? 1 : (chars.count > 0 ? digits[chars[0]] : nil)
            let ones = ten + 1 < chars.count ? digits[chars[ten + 1]] : 0
            guard let tens, let ones else { return nil }
            return tens * 10 + ones
        }
        guard chars.count == 1 else { return nil }
        return digits[chars[0]]
    }
}
