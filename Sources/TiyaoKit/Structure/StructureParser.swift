import Foundation

/// Recovers a document's structure: what each line is (title, byline, caption, page
/// chrome, abstract, salutation, closing, heading, body) and the author's outline.
///
/// It reads the normalized shadow of each line, so traditional and simplified text,
/// full-width and ASCII punctuation, are treated alike; headings are reported in the
/// original script. The word lists live in `templates/structure.yaml`.
final class StructureParser {
    let rules: StructureRules

    /// Lines up to this many text characters may be standalone headings or subtitles.
    static let maxHeadingLineLength = 40
    /// A paragraph's first sentence up to this length may be a parallel point.
    static let maxLeadLength = 30
    /// A sentence inside a paragraph up to this length may be a parallel point.
    static let maxInlineLength = 18

    /// The heading pattern a normalized sentence matches (from the pattern library), if any.
    let headingPattern: (([UInt16]) -> String?)?

    init(rules: StructureRules, headingPattern: (([UInt16]) -> String?)? = nil) {
        self.rules = rules
        self.headingPattern = headingPattern
    }

    func parse(_ lines: inout [Line]) -> [Heading] {
        classifyLines(&lines)
        var found = explicitHeadings(lines)
        for heading in found.map(\.heading) where heading.shape != .numbered || isHeadingLine(lines[heading.line - 1]) {
            for number in heading.line...heading.endLine { lines[number - 1].role = .heading }
        }
        if found.isEmpty {
            found = implicitHeadings(lines, under: nil, level: 1, excluding: [])
            let top = found
            for (index, heading) in top.enumerated() {
                let end = index + 1 < top.count ? top[index + 1].line : lines.count + 1
                found += implicitHeadings(lines, under: heading, level: 2, before: end, excluding: Set(top.map(\.key)))
            }
        } else {
            let explicit = found
            for (index, heading) in explicit.enumerated() {
                // Only a heading with no explicit sub-heading gets implicit points.
                let next = index + 1 < explicit.count ? explicit[index + 1] : nil
                if let next, next.heading.level > heading.heading.level { continue }
                let end = next?.line ?? lines.count + 1
                found += implicitHeadings(lines, under: heading, level: heading.heading.level + 1, before: end, excluding: [heading.key])
            }
        }
        found.sort { ($0.line, $0.position) < ($1.line, $1.position) }
        var headings = found.map { found -> Heading in
            var heading = found.heading
            heading.position = found.position
            heading.pattern = headingPattern?(Array(heading.shadow.utf16))
            return heading
        }
        for index in headings.indices {
            headings[index].parent = headings[..<index].lastIndex { $0.level < headings[index].level }
        }
        return headings
    }

    /// A heading with its position inside its line (for headings that are sentences).
    struct Found {
        var heading: Heading
        var line: Int { heading.line }
        var position: Int
        var key: String { "\(heading.line):\(position)" }
    }
}

// MARK: - Line roles

extension StructureParser {
    func classifyLines(_ lines: inout [Line]) {
        // 1. What each line is by its own content.
        var pendingAbstract = false
        for index in lines.indices {
            let shadow = trimmed(lines[index].shadow)
            if shadow.isEmpty { lines[index].role = .blank; continue }
            let length = contentLength(shadow)
            if pendingAbstract {
                lines[index].role = .abstract
                pendingAbstract = false
                continue
            }
            if let marker = rules.firstMatch(.abstractMarkers, shadow), length <= 60 || marker.range.lowerBound == 0 {
                let rest = contentLength(shadow[marker.range.upperBound...])
                lines[index].role = rest > 0 ? .abstract : .abstractMarker
                pendingAbstract = rest == 0
            } else if length <= 40, rules.matches(.chrome, shadow) {
                lines[index].role = .chrome
            } else if length <= 60, rules.matches(.byline, shadow) {
                lines[index].role = .byline
            } else if length <= 200, rules.matches(.caption, shadow), !isBulletHeading(shadow) {
                lines[index].role = .caption
            } else if length <= 50, rules.matches(.salutation, shadow) {
                lines[index].role = .salutation
            } else if length <= 60, rules.matches(.closing, shadow) {
                lines[index].role = .closing
            } else {
                lines[index].role = .body
            }
        }

        // 2. The body zone runs from the first to the last paragraph of prose.
        let prose = lines.indices.filter { lines[$0].role == .body && isProse(lines[$0]) }
        guard let firstProse = prose.first, let lastProse = prose.last else {
            // No prose at all: a first short line is still a title.
            if let first = lines.firstIndex(where: { $0.role == .body }), !endsSentence(lines[first].shadow) {
                lines[first].role = .title
            }
            return
        }

        // 3. Header zone: title, subtitle, names.
        var sawTitle = false
        for index in 0..<firstProse where lines[index].role == .body {
            let shadow = trimmed(lines[index].shadow)
            if !sawTitle, !endsSentence(shadow), contentLength(shadow) <= 80, Numbering.detect(shadow) == nil {
                lines[index].role = .title
                sawTitle = true
            } else if isNameLine(shadow) {
                lines[index].role = .byline
            } else if sawTitle, index > 0, isSubtitleCandidate(lines, index) {
                lines[index].role = .subtitle
            }
        }
        // A document whose first line is prose has no title; its first prose line stays body.

        // 4. Footer zone: short lines after the last paragraph are credits or chrome.
        for index in (lastProse + 1)..<lines.count where lines[index].role == .body {
            lines[index].role = isNameLine(trimmed(lines[index].shadow)) ? .byline : .chrome
        }
    }

    /// A subtitle follows the title directly (blank lines aside) and is a short unnumbered line.
    private func isSubtitleCandidate(_ lines: [Line], _ index: Int) -> Bool {
        var previous = index - 1
        while previous >= 0, lines[previous].role == .blank { previous -= 1 }
        guard previous >= 0, lines[previous].role == .title || lines[previous].role == .subtitle else { return false }
        let shadow = trimmed(lines[index].shadow)
        return !endsSentence(shadow) && contentLength(shadow) <= Self.maxHeadingLineLength && Numbering.detect(shadow) == nil
    }

    /// A short line of its own that is not prose: a heading, or part of a two-line one.
    func isHeadingLine(_ line: Line) -> Bool {
        !isProse(line) && contentLength(trimmed(line.shadow)) <= Self.maxHeadingLineLength
    }

    /// Prose: a line that ends like a sentence, or is too long to be a heading and holds
    /// a sentence end (a long title has none), or is very long.
    func isProse(_ line: Line) -> Bool {
        let shadow = trimmed(line.shadow)
        if endsSentence(shadow) { return true }
        // A line that stops on a comma or semicolon runs on: never a heading.
        if let last = shadow.last, Punctuation.isClauseMark(last), last != 0x3A { return true }
        let length = contentLength(shadow)
        return length > 100 || (length > Self.maxHeadingLineLength && shadow.contains(where: Punctuation.isSentenceEnd))
    }

    /// ■ 聚焦主责主业 — a short bulleted line without a photo credit is a heading, not a caption.
    func isBulletHeading(_ shadow: ArraySlice<UInt16>) -> Bool {
        guard let first = shadow.first, Self.bullets.contains(first) else { return false }
        let text = String(utf16Units: shadow)
        return contentLength(shadow) <= 25 && !endsSentence(shadow) && !text.contains("摄") && !text.contains("图")
    }

    static let bullets: Set<UInt16> = Set("■▲△▼●◆☆★□▌▍".utf16)

    /// One to three personal names (2–4 Han characters each) and nothing else.
    func isNameLine(_ shadow: ArraySlice<UInt16>) -> Bool {
        let names = shadow.split(whereSeparator: Punctuation.isSpace)
        guard (1...3).contains(names.count) else { return false }
        return names.allSatisfy { name in (2...4).contains(name.count) && name.allSatisfy(isHan) }
    }
}

// MARK: - Explicit headings: standalone lines, two-line headings, numbers

extension StructureParser {
    func explicitHeadings(_ lines: [Line]) -> [Found] {
        var found: [(found: Found, style: Int)] = []
        var index = 0
        // Style keys: 0 unnumbered line; 1 + Numbering for numbered headings.
        while index < lines.count {
            let line = lines[index]
            guard line.role == .body else { index += 1; continue }
            let shadow = trimmed(line.shadow)
            let numbering = Numbering.detect(shadow)
            if isHeadingLine(line) {
                // A short line: standalone, two-line (when the next line is short too), or numbered.
                var text = line.text.trimmingCharacters(in: .whitespaces)
                var shadowText = String(utf16Units: shadow)
                var end = index
                if numbering == nil, index + 1 < lines.count, lines[index + 1].role == .body, isHeadingLine(lines[index + 1]),
                   Numbering.detect(trimmed(lines[index + 1].shadow)) == nil, followedByProse(lines, index + 1) {
                    text += " " + lines[index + 1].text.trimmingCharacters(in: .whitespaces)
                    shadowText += " " + String(utf16Units: trimmed(lines[index + 1].shadow))
                    end = index + 1
                }
                let shape: Heading.Shape = numbering != nil ? .numbered : (end > index ? .twoLine : (isSloganLine(shadow) ? .slogan : .standalone))
                let heading = Heading(level: 0, text: text, line: line.number, endLine: lines[end].number,
                                      shape: shape, parent: nil, shadow: shadowText)
                found.append((Found(heading: heading, position: 0), numbering.map { 1 + $0.0.rawValue } ?? 0))
                index = end + 1
                continue
            }
            if let (style, _) = numbering, let first = line.sentenceRanges.first,
               contentLength(line.shadow[first]) <= Self.maxHeadingLineLength {
                // A numbered paragraph: its first sentence is the heading.
                let heading = Heading(level: 0, text: line.text(first), line: line.number, endLine: line.number,
                                      shape: .numbered, parent: nil, shadow: line.shadowText(first))
                found.append((Found(heading: heading, position: first.lowerBound), 1 + style.rawValue))
            }
            index += 1
        }
        // Levels follow the order in which the styles first appear (一、 before (一) before 1.).
        var levelOfStyle: [Int: Int] = [:]
        for entry in found where levelOfStyle[entry.style] == nil {
            levelOfStyle[entry.style] = levelOfStyle.count + 1
        }
        return found.map { entry in
            var f = entry.found
            f.heading.level = levelOfStyle[entry.style]!
            return f
        }
    }

    /// Whether prose follows line `index` (skipping blanks, captions and chrome) before another heading-like line.
    private func followedByProse(_ lines: [Line], _ index: Int) -> Bool {
        var next = index + 1
        while next < lines.count, [.blank, .caption, .chrome, .byline].contains(lines[next].role) { next += 1 }
        return next < lines.count && lines[next].role == .body && isProse(lines[next])
    }

    /// “三抓三强”:… — a quoted slogan opening a heading line.
    private func isSloganLine(_ shadow: ArraySlice<UInt16>) -> Bool {
        guard let first = shadow.first, Punctuation.isOpener(first),
              let close = shadow.firstIndex(where: Punctuation.isCloser) else { return false }
        return close + 1 < shadow.endIndex && (shadow[close + 1] == 0x3A || shadow[close + 1] == 0x2C)
    }
}

// MARK: - Implicit headings: parallel lead and inline sentences

extension StructureParser {
    /// Points of the best parallel series in the body lines after `parent` (or the whole
    /// body) up to line `end`, as headings of `level`.
    func implicitHeadings(_ lines: [Line], under parent: Found?, level: Int, before end: Int = .max,
                          excluding excluded: Set<String>) -> [Found] {
        let startLine = parent.map { $0.heading.endLine } ?? 1
        var candidates: [Parallelism.Candidate] = []
        var places: [(line: Int, range: Range<Int>)] = []
        var intro: Int?
        var order = 0
        for line in lines where line.number >= startLine && line.number < end
            && (line.role == .body || line.number == parent?.line) {
            let ranges = line.sentenceRanges
            for (position, range) in ranges.enumerated() {
                order += 1
                if excluded.contains("\(line.number):\(range.lowerBound)") { continue }
                // A point introduces text: it is never its paragraph's last sentence.
                guard position + 1 < ranges.count else { continue }
                let isLead = position == 0 && !(parent?.heading.shape == .lead && line.number == parent?.line)
                // Top-level points of a document without headings are paragraph leads only.
                if parent == nil && !isLead { continue }
                var shape = Parallelism.shape(line.shadow[range])
                if let pattern = headingPattern?(Array(line.shadow[range])) {
                    // Sentences of one heading pattern are alike whatever their punctuation.
                    shape.skeleton = "@" + pattern
                } else {
                    guard shape.length >= 3, shape.length <= (isLead ? Self.maxLeadLength : Self.maxInlineLength),
                          shape.skeleton.hasSuffix("。") else { continue }
                }
                candidates.append(Parallelism.Candidate(shape: shape, isLead: isLead, order: order, paragraph: line.number))
                places.append((line.number, range))
            }
            if intro == nil, line.number > startLine || parent == nil { intro = line.number }
        }
        let minimum = parent == nil ? 3 : 2
        guard let series = Parallelism.bestSeries(candidates, intro: parent == nil ? nil : intro, minimumCount: minimum)
        else { return [] }
        return series.map { index in
            let place = places[index]
            let line = lines[place.line - 1]
            let heading = Heading(level: level, text: line.text(place.range), line: place.line, endLine: place.line,
                                  shape: candidates[index].isLead ? .lead : .inline, parent: nil,
                                  shadow: line.shadowText(place.range))
            return Found(heading: heading, position: place.range.lowerBound)
        }
    }
}

// MARK: - Small readings of normalized text

extension StructureParser {
    func trimmed(_ s: [UInt16]) -> ArraySlice<UInt16> {
        var lower = 0, upper = s.count
        while lower < upper, Punctuation.isSpace(s[lower]) || s[lower] == 0xFEFF { lower += 1 }
        while upper > lower, Punctuation.isSpace(s[upper - 1]) { upper -= 1 }
        return s[lower..<upper]
    }

    func contentLength(_ s: ArraySlice<UInt16>) -> Int {
        s.reduce(0) { $0 + (Punctuation.isPunctuation($1) ? 0 : 1) }
    }

    func endsSentence(_ s: some BidirectionalCollection<UInt16>) -> Bool {
        guard let last = s.last(where: { !Punctuation.isCloser($0) && !Punctuation.isSpace($0) }) else { return false }
        return Punctuation.isSentenceEnd(last)
    }

    func isHan(_ u: UInt16) -> Bool { (0x3400...0x9FFF).contains(u) || (0xF900...0xFAFF).contains(u) }
}
