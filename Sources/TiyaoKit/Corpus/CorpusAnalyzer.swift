import Foundation

/// Reads one file's bytes into what the corpus store keeps: the document's metadata,
/// headings, sentences, distinct terms and annotations. Holds the reader, the term
/// extractor and the annotators; reuse one for many files. Not thread-safe.
public final class CorpusAnalyzer {
    public let reader: DocumentReader
    public let extractor: TermExtractor
    /// Themes, pattern matches, … (none yet).
    public var annotators: [any CorpusAnnotator] = []
    private let rulesFingerprint: String

    /// Bump when what the store derives from a document changes, so old entries are re-read.
    static let version = "corpus-1"

    public init(reader: DocumentReader, extractor: TermExtractor, fingerprint: String) {
        self.reader = reader
        self.extractor = extractor
        rulesFingerprint = fingerprint
    }

    /// An analyzer reading as the commands do: structure rules, heading patterns and lexicon.
    public convenience init(templates: Templates) throws {
        let toolkit = try Toolkit(templates: templates)
        self.init(reader: toolkit.reader, extractor: toolkit.terms, fingerprint: Self.fingerprint(of: templates))
    }

    /// Identifies everything a document's entry depends on besides its bytes: a change
    /// re-indexes every document even when its hash is unchanged.
    public var fingerprint: String {
        ([Self.version, rulesFingerprint] + annotators.map(\.fingerprint)).joined(separator: "/")
    }

    /// SHA-256 over the library files that shape the analysis (structure rules, lexicon, patterns).
    public static func fingerprint(of templates: Templates) -> String {
        var files = ["structure.yaml", "lexicon.txt"].map(templates.url)
        let patterns = templates.url("patterns")
        if let enumerator = FileManager.default.enumerator(at: patterns, includingPropertiesForKeys: nil) {
            files += enumerator.compactMap { $0 as? URL }.sorted { $0.path < $1.path }
        }
        var data = Data()
        for file in files {
            guard let contents = try? Data(contentsOf: file) else { continue }
            data.append(Data(file.lastPathComponent.utf8))
            data.append(0)
            data.append(contents)
            data.append(0)
        }
        return String(SHA256.hex(data).prefix(16))
    }

    /// The entry for a file: decodes the bytes (UTF-8, UTF-16, GB18030, Big5), reads the structure.
    public func entry(path: String, data: Data, hash: String) throws -> CorpusEntry {
        let decoded = try TextDecoder.decode(data)
        let document = reader.read(decoded.text, path: path, encoding: decoded.encoding)
        return try entry(document, size: data.count, hash: hash)
    }

    public func entry(_ document: Document, size: Int, hash: String) throws -> CorpusEntry {
        var annotations: [CorpusAnnotation] = []
        for annotator in annotators { annotations += try annotator.annotations(of: document) }
        return CorpusEntry(
            path: document.path, hash: hash, analysis: fingerprint, size: size,
            title: document.title?.text, script: document.script.rawValue, encoding: document.encoding,
            date: StatedDate.first(in: document), lineCount: document.lines.count,
            characterCount: document.characterCount,
            headings: document.headings, sentences: document.sentences,
            terms: extractor.documentTerms(document).sorted(), annotations: annotations)
    }
}

extension TermExtractor {
    /// The distinct terms of a document, as counted for document frequencies: the terms of
    /// every sentence (title, headings and body alike).
    public func documentTerms(_ document: Document) -> Set<String> {
        var result = Set<String>()
        for sentence in document.sentences { result.formUnion(terms(sentence.shadow)) }
        return result
    }
}

/// One document as the store keeps it.
public struct CorpusEntry: Sendable {
    public var path: String
    public var hash: String
    public var analysis: String
    public var size: Int
    public var title: String?
    public var script: String
    public var encoding: String
    public var date: String?
    public var lineCount: Int
    public var characterCount: Int
    public var headings: [Heading]
    public var sentences: [Sentence]
    /// Distinct terms, sorted.
    public var terms: [String]
    public var annotations: [CorpusAnnotation]
}
