/// Heading numbers of Chinese official writing: 第一章/第一部分, 一、, (一), 1., (1), 第一,.
/// (一) and (1) are different styles and never confused.
enum Numbering: Int, CaseIterable, Comparable {
    case part          // 第一章 第一部分 第一篇 第一节
    case chineseComma  // 一、
    case chineseParen  // (一)
    case arabicDot     // 1. 1、 1．
    case arabicParen   // (1)
    case ordinal       // 第一, 第二, (a paragraph's lead)

    static func < (a: Numbering, b: Numbering) -> Bool { a.rawValue < b.rawValue }

    /// The numbering style a normalized line starts with, and how many units the number takes.
    static func detect(_ slice: ArraySlice<UInt16>) -> (Numbering, Int)? {
        let s = Array(slice)
        var i = 0
        while i < s.count, Punctuation.isSpace(s[i]) { i += 1 }
        let start = i
        func isHanDigit(_ u: UInt16) -> Bool { hanDigits.contains(u) }
        func isDigit(_ u: UInt16) -> Bool { (0x30...0x39).contains(u) }
        func at(_ k: Int) -> UInt16? { k < s.count ? s[k] : nil }

        // 第…章/节/部分/篇/条  and  第一,
        if at(i) == 0x7B2C /* 第 */ {
            var j = i + 1
            while let u = at(j), isHanDigit(u) || isDigit(u) { j += 1 }
            guard j > i + 1, j - i <= 5 else { return nil }
            if let u = at(j), partWords.contains(u) {
                return (.part, j + 1 - start)
            }
            if at(j) == 0x90E8, at(j + 1) == 0x5206 { return (.part, j + 2 - start) }  // 部分
            if let u = at(j), u == 0x2C || u == 0x3001 || u == 0x3A { return (.ordinal, j + 1 - start) }  // , 、 :
            return nil
        }
        // 一、
        if let u = at(i), isHanDigit(u) {
            var j = i
            while let v = at(j), isHanDigit(v) { j += 1 }
            if j - i <= 3, at(j) == 0x3001 { return (.chineseComma, j + 1 - start) }
            return nil
        }
        // (一) (1)
        if at(i) == 0x28 {
            var j = i + 1
            if let u = at(j), isHanDigit(u) {
                while let v = at(j), isHanDigit(v) { j += 1 }
                if j - i <= 4, at(j) == 0x29 { return (.chineseParen, j + 1 - start) }
            } else if let u = at(j), isDigit(u) {
                while let v = at(j), isDigit(v) { j += 1 }
                if j - i <= 3, at(j) == 0x29 { return (.arabicParen, j + 1 - start) }
            }
            return nil
        }
        // 1. 1、 1． — but not 1.5 or a year like 2024; and 01 / 01| before a short heading.
        if let u = at(i), isDigit(u) {
            var j = i
            while let v = at(j), isDigit(v) { j += 1 }
            if j - i == 2, u == 0x30, let mark = at(j), Punctuation.isSpace(mark) || mark == 0x7C || mark == 0x4E28 || mark == 0xFF5C {
                return (.arabicDot, j + 1 - start)
            }
            guard j - i <= 2, let mark = at(j), mark == 0x2E || mark == 0x3001 || mark == 0xFF0E else { return nil }
            if let next = at(j + 1), isDigit(next) { return nil }
            return (.arabicDot, j + 1 - start)
        }
        return nil
    }

    static let hanDigits: Set<UInt16> = Set("一二三四五六七八九十百零〇两".utf16)
    static let partWords: Set<UInt16> = Set("章节篇条".utf16)
}
