import Foundation

/// Reads text into a `Document`: splits lines, builds the normalized shadow, splits
/// sentences and recovers the structure. Holds the ICU objects, so reuse one reader
/// for many documents. Not thread-safe.
public final class DocumentReader {
    public let converter: ScriptConverter
    let splitter: SentenceSplitter
    let parser: StructureParser

    /// - Parameter engine: when given, sentences matching the same heading pattern
    ///   (`heading: true`) are grouped as parallel points, and headings name their pattern.
    public init(rules: StructureRules, engine: PatternEngine? = nil) throws {
        converter = try ScriptConverter()
        splitter = try SentenceSplitter()
        parser = StructureParser(rules: rules, headingPattern: engine.map { engine in { engine.headingPattern(of: $0) } })
    }

    public convenience init(templates: Templates) throws {
        try self.init(rules: templates.structureRules())
    }

    public func read(_ text: String, path: String = "-", encoding: String = "UTF-8") -> Document {
        var lines: [Line] = []
        var offset = 0
        var number = 0
        // Lines end at \n, \r\n or \r; U+2028/2029 count as breaks too.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            number += 1
            var lineText = String(raw)
            if number == 1, lineText.hasPrefix("\u{FEFF}") { lineText.removeFirst(); offset += 1 }
            let units = Array(lineText.utf16)
            var line = Line(number: number, text: lineText, offset: offset, units: units, shadow: converter.shadow(units))
            line.sentenceRanges = splitter.split(line.shadow)
            lines.append(line)
            offset += lineText.unicodeScalars.count + 1
        }
        if lines.last?.text.isEmpty == true, text.hasSuffix("\n") || text.hasSuffix("\r") { lines.removeLast() }

        let allUnits = lines.flatMap(\.units)
        let script = converter.detectScript(allUnits)
        let headings = parser.parse(&lines)
        let sentences = Self.sentences(of: lines, headings: headings)
        return Document(path: path, encoding: encoding, script: script, lines: lines, sentences: sentences, headings: headings)
    }

    /// Every sentence of every non-blank line, with the heading it is and the section it is in.
    static func sentences(of lines: [Line], headings: [Heading]) -> [Sentence] {
        var result: [Sentence] = []
        var next = 0  // the first heading not yet reached
        for line in lines where line.role != .blank {
            for (position, range) in line.sentenceRanges.enumerated() {
                while next < headings.count,
                      (headings[next].line, headings[next].position) <= (line.number, range.lowerBound) { next += 1 }
                let section = next > 0 ? next - 1 : nil
                // The sentence is a heading when it starts one, or stands on a heading line.
                var own: Int?
                if let section {
                    let heading = headings[section]
                    if (heading.line == line.number && heading.position == range.lowerBound)
                        || (line.role == .heading && (heading.line...heading.endLine).contains(line.number)) {
                        own = section
                    }
                }
                result.append(Sentence(text: line.text(range), shadow: line.shadowText(range), line: line.number,
                                       offset: line.documentOffset(ofUTF16: range.lowerBound),
                                       indexInParagraph: position, paragraphCount: line.sentenceRanges.count,
                                       role: line.role, headingIndex: own, sectionIndex: section, range: range))
            }
        }
        return result
    }
}
