/// Builds a DOCX from the Markdown that tiyao's templates render: `#` title, `##`
/// level-1 heading, `###` level-2 heading, `>` note, a short line ending in a colon a
/// salutation, and a trailing 〔file:line〕 a source citation set apart from the text.
extension DocxDocument {
    public init(markdown: String) {
        var paragraphs: [Paragraph] = []
        var sawHeading = false
        for raw in markdown.split(whereSeparator: \.isNewline) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            var style = Style.body
            for (prefix, kind) in [("### ", Style.heading2), ("## ", .heading1), ("# ", .title), ("> ", .note)] where line.hasPrefix(prefix) {
                style = kind
                line = String(line.dropFirst(prefix.count))
                break
            }
            if style == .heading1 || style == .heading2 { sawHeading = true }
            if style == .body, line.count <= 30, line.hasSuffix(":") || line.hasSuffix(":") { style = .salutation }
            var source: String?
            if let open = line.range(of: " 〔", options: .backwards), line.hasSuffix("〕") {
                source = String(line[open.upperBound..<line.index(before: line.endIndex)])
                line = String(line[..<open.lowerBound])
            }
            paragraphs.append(Paragraph(style, line, source: source))
        }
        // A speech's last paragraph, after its sections, is its closing formula.
        if sawHeading, paragraphs.contains(where: { $0.style == .salutation }),
           let last = paragraphs.indices.last, paragraphs[last].style == .body {
            paragraphs[last].style = .closing
        }
        self.init(paragraphs: paragraphs)
    }
}
