import Foundation
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import TiyaoKit

// MARK: - Helpers

/// Reads one entry of a zip held in memory.
private func entry(_ path: String, in docx: Data) throws -> String? {
    let archive = try Archive(data: docx, accessMode: .read)
    guard let entry = archive[path] else { return nil }
    var out = Data()
    _ = try archive.extract(entry) { out.append($0) }
    return String(decoding: out, as: UTF8.self)
}

/// Collects paragraph styles and texts from document.xml; parsing at all proves well-formedness.
private final class DocumentScanner: NSObject, XMLParserDelegate {
    struct Paragraph { var style = ""; var runs: [(style: String?, text: String)] = [] }
    var paragraphs: [Paragraph] = []
    private var runStyle: String?
    private var inText = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "w:p": paragraphs.append(Paragraph())
        case "w:pStyle": paragraphs[paragraphs.count - 1].style = attributes["w:val"] ?? ""
        case "w:r": runStyle = nil; paragraphs[paragraphs.count - 1].runs.append((nil, ""))
        case "w:rStyle": runStyle = attributes["w:val"]
        case "w:t": inText = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "w:t" { inText = false }
        if name == "w:r" {
            let p = paragraphs.count - 1
            paragraphs[p].runs[paragraphs[p].runs.count - 1].style = runStyle
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inText else { return }
        let p = paragraphs.count - 1
        paragraphs[p].runs[paragraphs[p].runs.count - 1].text += string
    }
}

private func isWellFormed(_ xml: String) -> Bool {
    XMLParser(data: Data(xml.utf8)).parse()
}

private func scan(_ docx: Data) throws -> [DocumentScanner.Paragraph] {
    let xml = try #require(try entry("word/document.xml", in: docx))
    let scanner = DocumentScanner()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = scanner
    #expect(parser.parse(), "document.xml is not well-formed: \(String(describing: parser.parserError))")
    return scanner.paragraphs
}

private func scratchDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("tiyao-docx-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

private let sample = DocxDocument(paragraphs: [
    .init(.title, "关于做好2024年度工作总结的讲话提纲"),
    .init(.subtitle, "（2024年12月20日）"),
    .init(.salutation, "同志们："),
    .init(.heading1, "一、总体情况"),
    .init(.body, "今年以来，全系统坚持稳中求进工作总基调，“三个一批”项目推进有力。",
          source: "corpus/002_a8cd.txt:4"),
    .init(.heading2, "（一）主要成效"),
    .init(.body, "经济运行总体平稳、稳中有进；民生保障持续加强。"),
    .init(.heading1, "二、下一步安排"),
    .init(.heading2, "（一）抓好落实"),
    .init(.body, "要把握“稳”与“进”的关系——既要守住底线，也要主动作为。",
          source: "corpus/017_91fe.txt:12"),
    .init(.closing, "谢谢大家！"),
    .init(.note, "（此件公开发布）"),
])

// MARK: - Tests

@Suite("DocxDocument")
struct DocxTests {
    @Test func containsRequiredParts() throws {
        let docx = try sample.data()
        for part in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                     "word/settings.xml", "word/_rels/document.xml.rels", "docProps/core.xml", "docProps/app.xml"] {
            let xml = try #require(try entry(part, in: docx), "missing \(part)")
            #expect(isWellFormed(xml), "\(part) is not well-formed")
        }
        // [Content_Types].xml first: some readers only look at the first entry.
        let first = try Archive(data: docx, accessMode: .read).makeIterator().next()
        #expect(first?.path == "[Content_Types].xml")
    }

    @Test func paragraphsInOrderWithStyleIDs() throws {
        let paragraphs = try scan(sample.data())
        #expect(paragraphs.map(\.style) == [
            "Title", "Subtitle", "Salutation", "Heading1", "Body", "Heading2",
            "Body", "Heading1", "Heading2", "Body", "Closing", "Note",
        ])
        #expect(paragraphs.map { $0.runs.first?.text ?? "" } == sample.paragraphs.map(\.text))
    }

    @Test func stylesDefineOutlineAndFonts() throws {
        let styles = try #require(try entry("word/styles.xml", in: sample.data()))
        for id in ["Title", "Subtitle", "Heading1", "Heading2", "Body", "Salutation", "Closing", "Note", "SourceCitation"] {
            #expect(styles.contains(#"w:styleId="\#(id)""#), "no style \(id)")
        }
        #expect(styles.contains(#"<w:outlineLvl w:val="0"/>"#))
        #expect(styles.contains(#"<w:outlineLvl w:val="1"/>"#))
        #expect(styles.contains(#"w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:cs="仿宋_GB2312" w:hint="eastAsia""#))
        #expect(styles.contains(#"w:eastAsia="方正小标宋简体""#))
        #expect(styles.contains(#"<w:sz w:val="44"/>"#))
        #expect(styles.contains(#"w:firstLineChars="200""#))
    }

    @Test func pageLayoutIsGBT9704() throws {
        let xml = try #require(try entry("word/document.xml", in: sample.data()))
        #expect(xml.contains(#"<w:pgSz w:w="11906" w:h="16838"/>"#))
        #expect(xml.contains(#"w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#))
        // (16838 - 2098 - 1984) / 28 = 455
        #expect(xml.contains(#"<w:docGrid w:type="lines" w:linePitch="455"/>"#))
    }

    @Test func escapesSpecialCharactersAndStripsIllegalOnes() throws {
        let doc = DocxDocument(paragraphs: [
            .init(.body, "a<b & c>\"d\" 'e'\u{0}\u{1}\u{8}\u{B}\u{1F}\u{FFFE}f", source: "x<&>.txt:1"),
        ])
        let docx = try doc.data()
        let xml = try #require(try entry("word/document.xml", in: docx))
        #expect(xml.contains("a&lt;b &amp; c&gt;&quot;d&quot; &apos;e&apos;f"))
        #expect(xml.contains("〔x&lt;&amp;&gt;.txt:1〕"))
        let runs = try scan(docx)[0].runs
        #expect(runs.map(\.text) == ["a<b & c>\"d\" 'e'f", "〔x<&>.txt:1〕"])
    }

    @Test func tabsAndNewlinesBecomeElements() throws {
        let xml = try #require(try entry("word/document.xml", in: DocxDocument(paragraphs: [
            .init(.body, "一\t二\r\n三\r四"),
        ]).data()))
        #expect(xml.contains(#"<w:t xml:space="preserve">一</w:t><w:tab/><w:t xml:space="preserve">二</w:t><w:br/>"#
            + #"<w:t xml:space="preserve">三</w:t><w:br/><w:t xml:space="preserve">四</w:t>"#))
    }

    @Test func sourceRunFollowsBorrowedText() throws {
        let paragraph = try scan(sample.data())[4]
        #expect(paragraph.runs.count == 2)
        #expect(paragraph.runs[0].style == nil)
        #expect(paragraph.runs[0].text.hasPrefix("今年以来"))
        #expect(paragraph.runs[1].style == "SourceCitation")
        #expect(paragraph.runs[1].text == "〔corpus/002_a8cd.txt:4〕")
    }

    @Test func outputIsDeterministic() throws {
        let first = try sample.data()
        let second = try sample.data()
        #expect(first == second)
        let core = try #require(try entry("docProps/core.xml", in: first))
        #expect(core.contains("1980-01-01T00:00:00Z"))
    }

    @Test func writeLeavesOnlyTheDocument() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("讲话提纲.docx")
        try sample.write(to: url)
        try sample.write(to: url)  // overwriting an existing file also works
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["讲话提纲.docx"])
        #expect(try Data(contentsOf: url) == sample.data())
    }

    @Test func writeToMissingDirectoryThrows() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("missing/out.docx")
        #expect(throws: (any Error).self) { try sample.write(to: url) }
        #expect(!FileManager.default.fileExists(atPath: url.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// The rename step fails (target is a directory) after the temp file was written:
    /// the temp file must be cleaned up.
    @Test func failedRenameRemovesTempFile() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("out.docx")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        try FileManager.default.createDirectory(at: url.appendingPathComponent("keep"), withIntermediateDirectories: false)
        #expect(throws: (any Error).self) { try sample.write(to: url) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.docx"])
    }

    /// Permission bits do not stop root, so this only runs as a normal user.
    @Test(.enabled(if: geteuid() != 0, "root ignores directory permissions"))
    func writeToReadOnlyDirectoryThrows() throws {
        let dir = try scratchDirectory()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
            try? FileManager.default.removeItem(at: dir)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        #expect(throws: (any Error).self) { try sample.write(to: dir.appendingPathComponent("out.docx")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// `TIYAO_SAMPLE_DOCX=/tmp/sample.docx swift test` writes the sample for a visual check.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TIYAO_SAMPLE_DOCX"] != nil))
    func writeSampleForVisualCheck() throws {
        let path = try #require(ProcessInfo.processInfo.environment["TIYAO_SAMPLE_DOCX"])
        var doc = sample
        // A long body paragraph to see justification and line wrapping.
        doc.paragraphs.insert(.init(.body, String(repeating: "坚持以人民为中心的发展思想，推动高质量发展取得新成效。", count: 4),
                                    source: "corpus/031_77aa.txt:2"), at: 7)
        try doc.write(to: URL(fileURLWithPath: path))
    }
}
