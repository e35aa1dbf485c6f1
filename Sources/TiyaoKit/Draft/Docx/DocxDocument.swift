import Foundation

/// A DOCX (WordprocessingML) document laid out as a Chinese official document
/// (公文, GB/T 9704): A4, 28 lines per page, 仿宋 body text, 小标宋 title.
///
/// The model is only an ordered list of styled paragraphs; XML generation lives in
/// `DocxDocument+XML.swift` and zipping / writing in `DocxDocument+Package.swift`.
public struct DocxDocument: Sendable {
    /// Paragraph roles. Each maps to one paragraph style in styles.xml.
    public enum Style: String, Sendable {
        case title, subtitle, heading1, heading2, body, salutation, closing, note
    }

    public struct Paragraph: Sendable {
        public var style: Style
        public var text: String
        /// Where borrowed text came from, e.g. "corpus/002_a8cd.txt:4".
        /// Rendered as a trailing 〔…〕 run in a smaller grey 楷体 so the
        /// citation is visibly separate from the text it annotates.
        public var source: String?

        public init(_ style: Style, _ text: String, source: String? = nil) {
            self.style = style
            self.text = text
            self.source = source
        }
    }

    public var paragraphs: [Paragraph]

    public init(paragraphs: [Paragraph] = []) {
        self.paragraphs = paragraphs
    }
}
