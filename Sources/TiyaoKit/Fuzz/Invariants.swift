/// Promises every result makes to the user, checked by the property tests and the
/// fuzzer: everything cited stands at its cited line, and numbers are in range.
public enum Invariants {
    public static func violations(of document: Document) -> [String] {
        var problems: [String] = []
        let lineCount = document.lines.count
        for heading in document.headings {
            guard (1...max(1, lineCount)).contains(heading.line), heading.endLine >= heading.line, heading.endLine <= lineCount else {
                problems.append("heading line \(heading.line)…\(heading.endLine) out of range 1…\(lineCount)")
                continue
            }
            // A two-line heading is its lines, trimmed, joined by one space.
            let source = document.lines[(heading.line - 1)..<heading.endLine]
                .map { $0.text.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            if !source.contains(heading.text) { problems.append("heading not at line \(heading.line): \(heading.text)") }
            if heading.level < 1 { problems.append("heading level \(heading.level) at line \(heading.line)") }
            if let parent = heading.parent, document.headings[parent].level >= heading.level {
                problems.append("heading at line \(heading.line) nested under a heading of level \(document.headings[parent].level)")
            }
        }
        for sentence in document.sentences {
            guard (1...max(1, lineCount)).contains(sentence.line) else {
                problems.append("sentence line \(sentence.line) out of range")
                continue
            }
            if sentence.text.isEmpty { problems.append("empty sentence at line \(sentence.line)") }
            if !document.lines[sentence.line - 1].text.contains(sentence.text) {
                problems.append("sentence not at line \(sentence.line): \(sentence.text.prefix(40))")
            }
        }
        return problems
    }

    /// Every cited span (text, line) stands at its line.
    public static func violations(citing spans: [(text: String, line: Int)], in document: Document) -> [String] {
        spans.compactMap { span in
            guard (1...document.lines.count).contains(span.line) else { return "cited line \(span.line) out of range" }
            return document.lines[span.line - 1].text.contains(span.text) ? nil : "not at line \(span.line): \(span.text.prefix(40))"
        }
    }
}
