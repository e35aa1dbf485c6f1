import Foundation
import Testing
@testable import TiyaoKit

/// A copy of the seed corpus and a database, both in a fresh temporary folder: the tests
/// never write into the repository's corpus/.
struct CorpusSandbox {
    let directory = Fixture.temporaryDirectory()
    var corpus: URL { directory.appendingPathComponent("corpus") }
    var database: String { directory.appendingPathComponent("index/index.sqlite").path }

    init() throws {
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixture.corpus.path) where name.hasSuffix(".txt") {
            try FileManager.default.copyItem(at: Fixture.corpus.appendingPathComponent(name), to: corpus.appendingPathComponent(name))
        }
    }

    func file(_ prefix: String) throws -> URL {
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: corpus.path).first { $0.hasPrefix(prefix) })
        return corpus.appendingPathComponent(name)
    }

    func store() throws -> CorpusStore { try CorpusStore(path: database, create: true) }

    func index(_ store: CorpusStore, analyzer: CorpusAnalyzer? = nil) throws -> CorpusStore.IndexSummary {
        try store.index(CorpusFiles.files(in: corpus.path), scopes: [CorpusFiles.scope(of: corpus.path)],
                        analyzer: analyzer ?? CorpusAnalyzer(templates: Fixture.templates))
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// The text of a cited line of a file (1-based).
func citedLine(_ path: String, _ line: Int, relativeTo base: URL? = nil) throws -> String {
    let url = path.hasPrefix("/") || base == nil ? URL(fileURLWithPath: path) : base!.appendingPathComponent(path)
    let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
    return lines[line - 1]
}

@Suite struct CorpusStoreTests {
    @Test func reindexingAnUnchangedCopyFindsEveryFileUnchanged() throws {
        let sandbox = try CorpusSandbox()
        defer { sandbox.remove() }
        let store = try sandbox.store()
        let first = try sandbox.index(store)
        #expect(first.added == 5 && first.updated == 0 && first.unchanged == 0 && first.removed == 0)
        let second = try sandbox.index(store)
        #expect(second == { var s = CorpusStore.IndexSummary(); s.unchanged = 5; return s }())
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func changedFileIsReindexedAndRemovedFileDropped() throws {
        let sandbox = try CorpusSandbox()
        defer { sandbox.remove() }
        let store = try sandbox.store()
        _ = try sandbox.index(store)
        let changed = try sandbox.file("002")
        try (try String(contentsOf: changed, encoding: .utf8) + "\n新增一句关于人才驿站和人才公寓的话。\n").write(to: changed, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: try sandbox.file("004"))
        let summary = try sandbox.index(store)
        #expect(summary.added == 0 && summary.updated == 1 && summary.unchanged == 3 && summary.removed == 1)
        let paths = try store.documents().map(\.path)
        #expect(paths.count == 4)
        #expect(!paths.contains { $0.contains("004_") })
        let hits = try store.search("人才公寓的话")
        #expect(hits.count == 1)
        #expect(hits.first?.file.hasSuffix(changed.lastPathComponent) == true)
        // Nothing of the removed document is left: its sentences, headings and terms are gone.
        let stats = try store.stats()
        let reader = Fixture.reader()
        let documents = try FileManager.default.contentsOfDirectory(at: sandbox.corpus, includingPropertiesForKeys: nil)
            .map { reader.read(try String(contentsOf: $0, encoding: .utf8)) }
        #expect(stats.sentences == documents.reduce(0) { $0 + $1.sentences.count })
        #expect(stats.headings == documents.reduce(0) { $0 + $1.headings.count })
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func searchHitsStandAtTheCitedLineOfTheCitedFile() throws {
        let sandbox = try CorpusSandbox()
        defer { sandbox.remove() }
        let store = try sandbox.store()
        _ = try sandbox.index(store)
        let hits = try store.search("人才驿站", limit: 50)
        // 000 (a caption and a body line), 003, and 001 in traditional script (人才驛站).
        #expect(hits.count >= 4)
        #expect(Set(hits.map { URL(fileURLWithPath: $0.file).lastPathComponent.prefix(3) }) == ["000", "001", "003"])
        for hit in hits {
            let line = try citedLine(hit.file, hit.line)
            #expect(line.contains(hit.text), "\(hit.file):\(hit.line)")
            #expect(hit.text.contains("人才驿站") || hit.text.contains("人才驛站"))
            #expect(hit.score > 0)
        }
        // Best first, and the snippet keeps the match.
        #expect(hits.map(\.score) == hits.map(\.score).sorted(by: >))
        #expect(hits.allSatisfy { $0.snippet(width: 20).contains("人才驿站") || $0.snippet(width: 20).contains("人才驛站") })
    }

    @Test func shortQueriesWork() throws {
        let sandbox = try CorpusSandbox()
        defer { sandbox.remove() }
        let store = try sandbox.store()
        _ = try sandbox.index(store)
        let two = try store.search("驿站", limit: 50)
        #expect(two.count >= 4)
        for hit in two {
            #expect(try citedLine(hit.file, hit.line).contains(hit.text))
            #expect(hit.text.contains("驿站") || hit.text.contains("驛站"))
        }
        let one = try store.search("驿", limit: 3)
        #expect(one.count == 3)
        // A short part narrows a long one.
        let mixed = try store.search("人才驿站 体系")
        #expect(mixed.count == 2 && mixed.allSatisfy { $0.text.contains("人才驿站") && $0.text.contains("体系") })
        #expect(try store.search("驿x").isEmpty)
        #expect(throws: CorpusStore.QueryError.self) { try store.search("  ") }
    }

    @Test func simplifiedQueryFindsTraditionalText() throws {
        let sandbox = try CorpusSandbox()
        defer { sandbox.remove() }
        let store = try sandbox.store()
        _ = try sandbox.index(store)
        let hits = try store.search("流动党员教育管理")
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { $0.file.contains("001_") && $0.text.contains("流動黨員教育管理") })
        // And the other way round.
        #expect(try store.search("組織工作").contains { $0.file.contains("000_") })
    }

    @Test func statsAndTermStatisticsCount() throws {
        let sandbox = try CorpusSandbox()
        defer { sandbox.remove() }
        let store = try sandbox.store()
        _ = try sandbox.index(store)
        let reader = Fixture.reader()
        let extractor = try TermExtractor(lexicon: Fixture.templates.lexicon())
        var expected = TermStatistics()
        var sentences = 0, headings = 0
        for url in try FileManager.default.contentsOfDirectory(at: sandbox.corpus, includingPropertiesForKeys: nil) {
            let document = reader.read(try String(contentsOf: url, encoding: .utf8))
            sentences += document.sentences.count
            headings += document.headings.count
            expected.add(terms: extractor.documentTerms(document))
        }
        let stats = try store.stats()
        #expect(stats.documents == 5)
        #expect(stats.sentences == sentences)
        #expect(stats.headings == headings)
        #expect(stats.terms == expected.documentFrequency.count)
        #expect(stats.bytes > 0)
        let statistics = try store.termStatistics()
        #expect(statistics.documentCount == 5)
        #expect(statistics.documentFrequency == expected.documentFrequency)
        #expect(statistics.idf("人才") == expected.idf("人才"))
        let some = try store.termStatistics(for: ["人才", "不存在的词"])
        #expect(some.documentFrequency == ["人才": expected.documentFrequency["人才"]!])
        #expect(some.idf("不存在的词") == expected.idf("不存在的词"))
    }

    @Test func documentsCarryTitleScriptEncodingDateAndHash() throws {
        let sandbox = try CorpusSandbox()
        defer { sandbox.remove() }
        let store = try sandbox.store()
        _ = try sandbox.index(store)
        let documents = try store.documents()
        let traditional = try #require(documents.first { $0.path.contains("001_") })
        #expect(traditional.script == "traditional")
        #expect(traditional.title == "東源創新舉措不斷提升黨建和組織工作質量水平")
        #expect(traditional.date == "2021-04-11")
        #expect(traditional.encoding == "UTF-8")
        #expect(traditional.sha256 == SHA256.hex(try Data(contentsOf: try sandbox.file("001"))))
        #expect(documents.first { $0.path.contains("004_") }?.date == "2024-12-17")
    }

    @Test func interruptedRunIsCompletedByTheNext() throws {
        // A run that stopped after its first batch (as after kill -9) left a consistent store;
        // the next run adds the rest and counts the first batch unchanged.
        let sandbox = try CorpusSandbox()
        defer { sandbox.remove() }
        let files = try CorpusFiles.files(in: sandbox.corpus.path)
        let analyzer = try CorpusAnalyzer(templates: Fixture.templates)
        let store = try sandbox.store()
        _ = try store.index(Array(files.prefix(2)), analyzer: analyzer, batchSize: 2)
        let summary = try store.index(files, scopes: [CorpusFiles.scope(of: sandbox.corpus.path)], analyzer: analyzer, batchSize: 2)
        #expect(summary.added == 3 && summary.unchanged == 2)
        #expect(try store.stats().documents == 5)
    }

    @Test func changedRulesReindexEverything() throws {
        let sandbox = try CorpusSandbox()
        defer { sandbox.remove() }
        let store = try sandbox.store()
        _ = try sandbox.index(store)
        let templates = Fixture.templates
        let other = try CorpusAnalyzer(reader: DocumentReader(templates: templates),
                                       extractor: TermExtractor(lexicon: Lexicon(terms: ["人才驿站"])), fingerprint: "other")
        let summary = try sandbox.index(store, analyzer: other)
        #expect(summary.updated == 5 && summary.unchanged == 0)
        #expect(try store.termStatistics().documentFrequency["人才驿站"] == 3)
    }

    @Test func annotatorsFindingsAreStoredAndDroppedWithTheirDocument() throws {
        final class Slogans: CorpusAnnotator {
            let fingerprint = "slogans-1"
            func annotations(of document: Document) throws -> [CorpusAnnotation] {
                document.sentences.filter { $0.text.contains("“两个维护”") }
                    .map { CorpusAnnotation(kind: "pattern", name: "两个维护", line: $0.line, text: $0.text) }
            }
        }
        let sandbox = try CorpusSandbox()
        defer { sandbox.remove() }
        let store = try sandbox.store()
        let analyzer = try CorpusAnalyzer(templates: Fixture.templates)
        analyzer.annotators.append(Slogans())
        _ = try sandbox.index(store, analyzer: analyzer)
        let found = try store.annotations(kind: "pattern")
        #expect(!found.isEmpty)
        for (path, annotation) in found { #expect(try citedLine(path, annotation.line).contains(annotation.text)) }
        let file = try #require(found.first?.path)
        try FileManager.default.removeItem(atPath: file)
        _ = try sandbox.index(store, analyzer: analyzer)
        #expect(try store.annotations(kind: "pattern").allSatisfy { $0.path != file })
    }

    @Test func undecodableFileIsSkippedNotFatal() throws {
        let sandbox = try CorpusSandbox()
        defer { sandbox.remove() }
        try Data([0x00, 0x01, 0xFF, 0x00, 0x02] + Array(repeating: 0, count: 64)).write(to: sandbox.corpus.appendingPathComponent("binary.txt"))
        let store = try sandbox.store()
        let summary = try sandbox.index(store)
        #expect(summary.added == 5)
        #expect(summary.skipped.count == 1 && summary.skipped[0].path.hasSuffix("binary.txt"))
    }

    @Test func missingStoreIsNotCreatedForReading() throws {
        let directory = Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("none.sqlite").path
        #expect(throws: CorpusStore.Failure.self) { try CorpusStore(path: path, create: false) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Data(repeating: 0x61, count: 1_000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func statedDates() {
        #expect(StatedDate.first(in: "2024年3月1日,召开会议") == "2024-03-01")
        #expect(StatedDate.first(in: "二〇二四年十二月三十一日") == "2024-12-31")
        #expect(StatedDate.first(in: "2023年2月29日") == nil)
        #expect(StatedDate.first(in: "近5年来,2024年全年") == nil)
        #expect(StatedDate.first(in: "12024年3月1日") == nil)
        #expect(StatedDate.first(in: "去年 2019年10月8号 举行") == "2019-10-08")
    }
}

@Suite struct CorpusCommandTests {
    @Test func indexThenSearchAsJSON() throws {
        let sandbox = try CorpusSandbox()
        defer { sandbox.remove() }
        let templates = Fixture.templates.directory.path
        let first = try Fixture.tiyao(["corpus", "index", "--templates", templates], in: sandbox.directory)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("5 added, 0 updated, 0 unchanged, 0 removed"))
        #expect(first.stderr.isEmpty)  // no progress bar when stderr is not a terminal
        #expect(FileManager.default.fileExists(atPath: sandbox.directory.appendingPathComponent("corpus/.tiyao/index.sqlite").path))
        let second = try Fixture.tiyao(["corpus", "index", "--templates", templates, "--format", "json"], in: sandbox.directory)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        #expect(summary["unchanged"] as? Int == 5 && summary["added"] as? Int == 0)

        let search = try Fixture.tiyao(["corpus", "search", "人才驿站", "--format", "json"], in: sandbox.directory)
        #expect(search.status == 0, "\(search.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any])
        let hits = try #require(object["hits"] as? [[String: Any]])
        #expect(hits.count >= 4)
        for hit in hits {
            let file = try #require(hit["file"] as? String)
            let line = try #require(hit["line"] as? Int)
            let text = try #require(hit["text"] as? String)
            #expect(hit["score"] is Double || hit["score"] is Int)
            #expect(file.hasPrefix("corpus/"))  // relative to the working directory
            #expect(try citedLine(file, line, relativeTo: sandbox.directory).contains(text))
        }

        let text = try Fixture.tiyao(["corpus", "search", "驿站", "--limit", "2"], in: sandbox.directory)
        let lines = text.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasPrefix("corpus/") && $0.contains(".txt:") && $0.contains("驿站") })

        let stats = try Fixture.tiyao(["corpus", "stats", "--format", "json"], in: sandbox.directory)
        let counts = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(counts["documents"] as? Int == 5)
        let list = try Fixture.tiyao(["corpus", "list"], in: sandbox.directory)
        #expect(list.stdout.split(separator: "\n").count == 5)
    }

    @Test func addIndexesNamedFilesAndRefusesMissingOnes() throws {
        let sandbox = try CorpusSandbox()
        defer { sandbox.remove() }
        let templates = Fixture.templates.directory.path
        let file = try sandbox.file("003").path
        let add = try Fixture.tiyao(["corpus", "add", file, "--db", sandbox.database, "--templates", templates], in: sandbox.directory)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("1 added"))
        let missing = try Fixture.tiyao(["corpus", "add", "nope.txt", "--db", sandbox.database, "--templates", templates], in: sandbox.directory)
        #expect(missing.status == 2)
        #expect(missing.stderr.split(separator: "\n").count == 1 && missing.stderr.contains("no such file"))
    }

    @Test func searchWithoutAnIndexTellsToRunIndex() throws {
        let directory = Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Fixture.tiyao(["corpus", "search", "人才"], in: directory)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("tiyao corpus index"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("corpus").path))
    }

    @Test func badArgumentsAreErrors() throws {
        let directory = Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missingDirectory = try Fixture.tiyao(["corpus", "index", "nowhere", "--templates", Fixture.templates.directory.path], in: directory)
        #expect(missingDirectory.status == 2)
        #expect(missingDirectory.stderr.contains("no such directory"))
        #expect(try Fixture.tiyao(["corpus", "search", "x", "--limit", "0"], in: directory).status == 64)
        let notADatabase = directory.appendingPathComponent("bad.sqlite")
        try Data("not a database at all, just text".utf8).write(to: notADatabase)
        let bad = try Fixture.tiyao(["corpus", "search", "人才驿站", "--db", notADatabase.path], in: directory)
        #expect(bad.status == 2)
        #expect(bad.stderr.split(separator: "\n").count == 1)
    }
}
