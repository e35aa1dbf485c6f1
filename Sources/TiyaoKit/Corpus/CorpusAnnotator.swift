/// The place where themes, phrase-pattern matches and other per-document findings join the
/// corpus store. An annotator looks at a document as it is indexed and returns what it found;
/// the store keeps the findings in the `annotations` table, replaces them when the document
/// changes and drops them with it. `CorpusAnalyzer.annotators` is empty until those
/// engines register theirs.
public protocol CorpusAnnotator: AnyObject {
    /// Fingerprint of whatever the annotator reads (a themes file, pattern files, …), so that
    /// a change to it re-indexes the documents.
    var fingerprint: String { get }
    func annotations(of document: Document) throws -> [CorpusAnnotation]
}

public struct CorpusAnnotation: Codable, Sendable, Equatable {
    /// What kind of finding: "theme", "pattern", ….
    public var kind: String
    /// Which theme or pattern.
    public var name: String
    /// 1-based line of the document it stands on.
    public var line: Int
    /// The text it covers, as in the source.
    public var text: String
    /// The annotator's own details, as JSON (slots, scores, …).
    public var data: String?

    public init(kind: String, name: String, line: Int, text: String, data: String? = nil) {
        self.kind = kind
        self.name = name
        self.line = line
        self.text = text
        self.data = data
    }
}
