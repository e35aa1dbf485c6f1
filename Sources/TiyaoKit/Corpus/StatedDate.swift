/// The date a document states, such as 2024年3月1日 or 二〇二四年三月一日 (also …号), as
/// ISO 8601 `yyyy-mm-dd`. The first complete, valid date in reading order wins: reports
/// give their date in the title block or the first paragraphs.
public enum StatedDate {
    public static func first(in document: Document) -> String? {
        for sentence in document.sentences {
            if let date = first(in: sentence.shadow) { return date }
        }
        return nil
    }

    public static func first(in text: String) -> String? {
        let chars = Array(text)
        var index = 0
        while let mark = chars[index...].firstIndex(of: "年") {
            defer { index = mark + 1 }
            guard mark >= 4, let y = year(chars[(mark - 4)..<mark]),
                  (mark == 4 || value(of: chars[mark - 5]) == nil) else { continue }
            var cursor = mark + 1
            guard let m = numeral(chars, &cursor, maxLength: 3), cursor < chars.count, chars[cursor] == "月" else { continue }
            cursor += 1
            guard let d = numeral(chars, &cursor, maxLength: 4), cursor < chars.count, chars[cursor] == "日" || chars[cursor] == "号" else { continue }
            guard (1000...2999).contains(y), (1...12).contains(m), (1...days(in: m, of: y)).contains(d) else { continue }
            return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
        }
        return nil
    }

    /// A month or day number starting at `cursor`: 1–2 digits, or 一…十二 / 二十三 / 三十一.
    private static func numeral(_ chars: [Character], _ cursor: inout Int, maxLength: Int) -> Int? {
        let start = cursor
        while cursor < chars.count, cursor - start < maxLength, value(of: chars[cursor]) != nil || chars[cursor] == "十" { cursor += 1 }
        guard cursor > start else { return nil }
        let run = chars[start..<cursor]
        if run.allSatisfy(\.isASCII) { return run.count <= 2 ? Int(String(run)) : nil }
        guard run.allSatisfy({ !$0.isASCII }) else { return nil }
        if let ten = run.firstIndex(of: "十") {
            let tens = ten == run.startIndex ? 1 : (run.distance(from: run.startIndex, to: ten) == 1 ? value(of: run[run.startIndex]) : nil)
            let rest = run[(ten + 1)...]
            let ones = rest.isEmpty ? 0 : (rest.count == 1 ? value(of: rest[rest.startIndex]) : nil)
            guard let tens, let ones, tens > 0 else { return nil }
            return tens * 10 + ones
        }
        return run.count == 1 ? value(of: run[run.startIndex]) : nil
    }

    /// A year: four digits, arabic or 〇一二…九 (二〇二四).
    private static func year(_ run: ArraySlice<Character>) -> Int? {
        var result = 0
        let ascii = run.allSatisfy(\.isASCII)
        for char in run {
            guard let digit = value(of: char), char.isASCII == ascii else { return nil }
            result = result * 10 + digit
        }
        return result
    }

    private static func value(of char: Character) -> Int? {
        if let digit = char.wholeNumberValue, char.isASCII { return digit }
        switch char {
        case "〇", "零", "○": return 0
        case "一": return 1
        case "二": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        default: return nil
        }
    }

    private static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
