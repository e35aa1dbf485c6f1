/// The Mustache context of a speech draft. Variables: `type`, `topic`, `pattern`,
/// `count` (一, 二, …: the number of sections), `sections` with `number` (一),
/// `ordinal` (一, for 一是…), `index` (1), `heading`, `theme`, `pattern`, and `points`
/// with `text`, `cite` (file:line), `source.file`, `source.line` and `support` (same fields).
extension SpeechDraft {
    public func templateContext() -> [String: Any] {
        func quote(_ text: String, _ source: Source) -> [String: Any] {
            ["text": text, "cite": "\(source.file):\(source.line)", "source": ["file": source.file, "line": source.line]]
        }
        return [
            "type": type, "topic": topic, "pattern": pattern, "count": ChineseNumber.format(sections.count),
            "sections": sections.enumerated().map { index, section -> [String: Any] in
                [
                    "number": ChineseNumber.format(index + 1), "ordinal": ChineseNumber.format(index + 1), "index": index + 1,
                    "heading": section.heading, "theme": section.theme, "pattern": section.pattern,
                    "points": section.points.map { point -> [String: Any] in
                        var entry = quote(point.text, point.source)
                        entry["support"] = point.support.map { quote($0.text, $0.source) }
                        return entry
                    },
                ]
            },
        ]
    }

    /// A context with every variable filled, for `tiyao templates check`.
    static var sample: SpeechDraft {
        let source = Source(file: "corpus/sample.txt", line: 1)
        let point = Point(text: "示例要点。", source: source, support: [Quote(text: "示例支撑句。", source: source)])
        return SpeechDraft(type: "交流发言", topic: "组织工作", pattern: "ba-paired-verbs",
                           sections: [Section(heading: "示例标题", pattern: "ba-paired-verbs", theme: "理论武装", points: [point])])
    }
}

extension ChineseNumber {
    /// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (up to 99).
    static func format(_ value: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard value > 0, value < 100 else { return String(value) }
        if value < 10 { return digits[value] }
        let tens = value / 10, ones = value % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
    }
}
