import Foundation
import Testing
@testable import TiyaoKit

/// Objects for the summarizer's tests. Readers and summarizers hold ICU objects and are
/// not thread-safe, so each test makes its own; only the corpus statistics (a value) are shared.
enum SummaryFixture {
    static let corpus: CorpusStatistics = {
        let reader = Fixture.reader()
        let extractor = try! TermExtractor(lexicon: Fixture.templates.lexicon())
        return try! CorpusStatistics.load(directory: Fixture.corpus, extractor: extractor, converter: reader.converter,
                                          salt: Fixture.templates.lexiconFingerprint())!
    }()
    static let summaries = Fixture.fixtures.appendingPathComponent("summaries")
    static let seeds = ["000", "001", "002", "003", "004"]

    /// A summarizer with the corpus's IDF, as the CLI builds it.
    static func summarizer() -> Summarizer {
        let summarizer = try! Summarizer(templates: Fixture.templates)
        summarizer.corpus = corpus
        return summarizer
    }

    static func document(_ prefix: String) -> Document { Fixture.document(prefix) }

    static func read(_ text: String) -> Document { Fixture.reader().read(text) }

    static func converter() -> ScriptConverter { try! ScriptConverter() }
}

@Suite struct SummarizeTests {
    let summarizer = SummaryFixture.summarizer()

    // MARK: Budgets

    @Test(arguments: SummaryFixture.seeds)
    func sentenceBudgetGivesExactlyN(prefix: String) {
        let document = SummaryFixture.document(prefix)
        for method in SummaryMethods.all {
            for n in [1, 3, 7] {
                let summary = summarizer.summarize(document, method: method, budget: .sentences(n))
                #expect(summary.sentences.count == n, "\(prefix) \(method.name) --sentences \(n)")
            }
        }
    }

    @Test(arguments: SummaryFixture.seeds)
    func characterBudgetIsReachedAndNotOvershotByMoreThanOneSentence(prefix: String) {
        let document = SummaryFixture.document(prefix)
        for method in SummaryMethods.all {
            for n in [50, 200, 600] {
                let summary = summarizer.summarize(document, method: method, budget: .characters(n))
                #expect(summary.length >= n, "\(prefix) \(method.name) --chars \(n) gave \(summary.length)")
                // Minimal: without any one of its sentences (the last taken) it would fall short.
                let longest = summary.sentences.map(\.text.unicodeScalars.count).max() ?? 0
                #expect(summary.length - longest < n + 1 || summary.sentences.count == 1)
            }
        }
    }

    @Test func ratioBudgetIsAShareOfTheDocument() {
        let document = SummaryFixture.document("000")
        let summary = summarizer.summarize(document, budget: .ratio(0.25))
        #expect(Double(summary.length) >= 0.25 * Double(document.characterCount))
        #expect(Double(summary.length) < 0.5 * Double(document.characterCount))
    }

    @Test func defaultBudgetIsAOnePageBriefing() {
        for prefix in SummaryFixture.seeds {
            let document = SummaryFixture.document(prefix)
            let summary = summarizer.summarize(document)
            let target = min(SummaryBudget.automaticMaximum, max(SummaryBudget.automaticMinimum, document.characterCount / 8),
                             document.characterCount / 3)
            #expect(summary.length >= target)
            #expect(summary.length < target + 400, "\(prefix): \(summary.length) characters")
        }
    }

    @Test func defaultBudgetOfAShortTextIsAThirdOfIt() {
        let document = SummaryFixture.read("第一句话说明了基本情况。第二句话讲清了道理。第三句话提出了明确要求。第四句话作出了工作部署。")
        let summary = summarizer.summarize(document)
        #expect(summary.sentences.count == 2)
        #expect(summary.length >= document.characterCount / 3)
    }

    @Test func budgetLargerThanTheDocumentTakesEverything() {
        let document = SummaryFixture.read("第一句话说明情况。第二句话讲清道理。第三句话提出要求。")
        let summary = summarizer.summarize(document, budget: .sentences(10))
        #expect(summary.sentences.map(\.text) == ["第一句话说明情况。", "第二句话讲清道理。", "第三句话提出要求。"])
    }

    @Test func emptyDocumentGivesAnEmptySummary() {
        let summary = summarizer.summarize(SummaryFixture.read(""))
        #expect(summary.sentences.isEmpty)
        #expect(summary.title == nil)
    }

    // MARK: What is selected

    @Test(arguments: SummaryFixture.seeds)
    func neverSelectsFurnitureTitlesOrSpeechFormulas(prefix: String) {
        let document = SummaryFixture.document(prefix)
        let forbidden: Set<Line.Role> = [.title, .subtitle, .byline, .caption, .chrome, .abstractMarker, .salutation, .closing, .blank]
        for method in SummaryMethods.all {
            // Everything the method would ever take.
            let summary = summarizer.summarize(document, method: method, budget: .ratio(1))
            for sentence in summary.sentences {
                let role = document.lines[sentence.line - 1].role
                #expect(!forbidden.contains(role), "\(prefix) \(method.name) selected a \(role) line: \(sentence.text)")
            }
        }
    }

    @Test func captionsAndBylinesOfSeed000AreNeverSelected() {
        let document = SummaryFixture.document("000")
        let summary = summarizer.summarize(document, budget: .ratio(1))
        let texts = summary.sentences.map(\.text)
        #expect(!texts.contains { $0.contains("图为") })
        #expect(!texts.contains { $0.contains("订阅后可查看全文") || $0.contains("梁佩珊") || $0.contains("【编辑】") })
    }

    @Test(arguments: SummaryFixture.seeds)
    func everyTopLevelSectionIsRepresented(prefix: String) throws {
        let document = SummaryFixture.document(prefix)
        let topLevel = document.headings.filter { $0.parent == nil }
        try #require(topLevel.count >= 3)
        let summary = summarizer.summarize(document)
        let sections = Set(summary.sentences.compactMap(\.section))
        for heading in topLevel {
            #expect(sections.contains(heading.text), "\(prefix): section \(heading.text) not represented")
        }
    }

    @Test(arguments: SummaryFixture.seeds)
    func outputIsInDocumentOrderAndEachTextStandsAtItsLine(prefix: String) {
        let document = SummaryFixture.document(prefix)
        for method in SummaryMethods.all {
            let summary = summarizer.summarize(document, method: method, budget: .characters(800))
            let positions = summary.sentences.map { sentence in
                document.sentences.first { $0.line == sentence.line && $0.text == sentence.text }?.offset ?? -1
            }
            #expect(!positions.contains(-1))
            #expect(positions == positions.sorted(), "\(prefix) \(method.name) not in document order")
            for sentence in summary.sentences {
                #expect(document.lines[sentence.line - 1].text.contains(sentence.text))
            }
        }
    }

    @Test func twoLineHeadingIsOneUnitOfTwoSentences() throws {
        let document = SummaryFixture.document("003")
        let context = summarizer.context(document)
        let unit = try #require(context.units.first { $0.line == 4 })
        #expect(unit.sentences.count == 2)
        #expect(context.text(context.units.firstIndex { $0.line == 4 }!) == "实施“四项工程” 强化选贤任能")
    }

    @Test func editorAbstractIsPreferredAndShown() throws {
        let document = SummaryFixture.document("001")
        let summary = summarizer.summarize(document, budget: .sentences(1))
        #expect(summary.abstract.first?.line == 9)
        // The abstract outranks everything else.
        #expect(summary.sentences.first?.line == 9)
        #expect(summary.briefingText().contains("概要\n  東源縣被市委推送為"))
    }

    @Test func headingsArePreferredWhenTheyExist() {
        // Length-matched to the author's outline, most of the summary is the outline.
        let document = SummaryFixture.document("003")
        let outlineLength = document.headings.filter { $0.level <= 2 }.reduce(0) { $0 + $1.text.count }
        let summary = summarizer.summarize(document, budget: .characters(outlineLength))
        let headingSentences = summary.sentences.filter { $0.heading != nil }
        #expect(headingSentences.count * 2 > summary.sentences.count)
    }

    @Test(arguments: SummaryFixture.seeds)
    func headingsAreStructureUnderABudgetTooSmallForTheOutline(prefix: String) {
        // Half the outline cannot show it: the budget goes to the text, headings come last.
        let document = SummaryFixture.document(prefix)
        let outlineLength = document.headings.filter { $0.level <= 2 }.reduce(0) { $0 + $1.text.unicodeScalars.count }
        for method in [LexRank(), TextRank()] as [any SummaryMethod] {
            let summary = summarizer.summarize(document, method: method, budget: .characters(outlineLength / 2))
            #expect(!summary.sentences.isEmpty)
            #expect(summary.sentences.allSatisfy { $0.heading == nil }, "\(prefix) \(method.name)")
        }
    }

    @Test func highlightsWeighAsMuchAsAnAbstractSentence() throws {
        let document = SummaryFixture.document("004")
        let plain = SummaryFixture.summarizer()
        plain.parameters.highlight = 1
        let weighed = summarizer.context(document), unweighed = plain.context(document)
        let honour = try #require(weighed.units.indices.first { weighed.text($0).contains("授予高新连心桥党员服务队") })
        #expect(abs(weighed.priors[honour] / unweighed.priors[honour] - summarizer.parameters.abstract) < 1e-9)
        let ordinary = try #require(weighed.units.indices.first { weighed.text($0).hasPrefix("岁序常易") })
        #expect(weighed.priors[ordinary] == unweighed.priors[ordinary])
    }

    @Test func leadIsTheFirstCandidateSentences() {
        let document = SummaryFixture.document("002")
        let summary = summarizer.summarize(document, method: Lead(), budget: .sentences(2))
        // The title and salutation are skipped; the opening paragraph's first two sentences follow.
        #expect(summary.sentences.map(\.line) == [3, 3])
        #expect(summary.sentences[0].text.hasPrefix("全省组织工作会议立足新起点"))
    }

    @Test func deterministic() throws {
        let document = SummaryFixture.document("004")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let first = try encoder.encode(summarizer.summarize(document))
        for _ in 0..<3 {
            // A fresh summarizer too: nothing may depend on hashing order.
            let other = SummaryFixture.summarizer()
            #expect(try encoder.encode(other.summarize(SummaryFixture.document("004"))) == first)
            #expect(try encoder.encode(summarizer.summarize(document)) == first)
        }
    }

    @Test func scriptConversionIsCharacterByCharacter() {
        let document = SummaryFixture.document("001")
        let summary = summarizer.summarize(document, budget: .sentences(3))
        let simplified = summary.converted(to: .simplified, using: SummaryFixture.converter())
        #expect(simplified.sentences.count == 3)
        for (a, b) in zip(summary.sentences, simplified.sentences) {
            #expect(a.text.count == b.text.count)
            #expect(a.line == b.line)
        }
        #expect(simplified.abstract.first?.text.hasPrefix("东源县被市委推送为") == true)
    }

    // MARK: Cost

    @Test func longDocumentsAreSummarizedInBoundedGraphs() {
        // The five seeds twenty times over: about 340,000 characters.
        let once = SummaryFixture.seeds.map { try! String(contentsOf: Fixture.seed($0), encoding: .utf8) }.joined(separator: "\n")
        let document = SummaryFixture.read(Array(repeating: once, count: 20).joined(separator: "\n"))
        #expect(document.characterCount > 300_000)
        let context = summarizer.context(document)
        #expect(context.blocks.allSatisfy { $0.count <= summarizer.parameters.window })
        // Blocks cover every unit exactly once, in order.
        #expect(context.blocks.map(\.count).reduce(0, +) == context.units.count)
        let start = Date()
        let summary = summarizer.summarize(document)
        #expect(summary.length >= SummaryBudget.automaticMaximum)
        // Generous even for a debug build on a shared machine; the release build takes well under a second.
        #expect(Date().timeIntervalSince(start) < 30)
    }

    @Test func unstructuredLongTextIsCutIntoWindows() {
        let sentence = "各级党组织认真落实工作要求,推动基层治理取得实效。"
        let document = SummaryFixture.read(Array(repeating: sentence, count: 300).joined())
        let context = summarizer.context(document)
        #expect(context.blocks.count == 5)
        #expect(context.blocks.allSatisfy { $0.count == 60 })
    }
}

@Suite struct CorpusStatisticsTests {
    @Test func cachedByAHashOfTheFilesAndRebuiltWhenOneChanges() throws {
        let directory = Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for prefix in ["002", "003"] {
            try FileManager.default.copyItem(at: Fixture.seed(prefix), to: directory.appendingPathComponent(Fixture.seed(prefix).lastPathComponent))
        }
        let extractor = try TermExtractor(lexicon: Fixture.templates.lexicon())
        let converter = SummaryFixture.converter()
        let first = try #require(try CorpusStatistics.load(directory: directory, extractor: extractor, converter: converter, salt: "x"))
        let cache = CorpusStatistics.cacheURL(directory)
        #expect(FileManager.default.fileExists(atPath: cache.path))
        #expect(first.files == 2)
        #expect(first.terms.documentCount > 10)  // paragraphs are the documents

        // Same files: the cache is read (its key matches).
        let second = try #require(try CorpusStatistics.load(directory: directory, extractor: extractor, converter: converter, salt: "x"))
        #expect(second.key == first.key)
        #expect(second.terms.documentFrequency == first.terms.documentFrequency)

        // A new file, or another lexicon, changes the key.
        try "新增一段文字,讨论人才工作。".write(to: directory.appendingPathComponent("new.txt"), atomically: true, encoding: .utf8)
        let third = try #require(try CorpusStatistics.load(directory: directory, extractor: extractor, converter: converter, salt: "x"))
        #expect(third.key != first.key)
        #expect(third.files == 3)
        let fourth = try #require(try CorpusStatistics.load(directory: directory, extractor: extractor, converter: converter, salt: "y"))
        #expect(fourth.key != third.key)
        // No stray temporary files are left beside the cache.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cache.deletingLastPathComponent().path)
        #expect(leftovers == ["idf.json"])
    }

    @Test func emptyDirectoryHasNoStatisticsAndAMissingOneIsAnError() throws {
        let directory = Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let extractor = try TermExtractor(lexicon: Lexicon())
        #expect(try CorpusStatistics.load(directory: directory, extractor: extractor, converter: SummaryFixture.converter(), salt: "") == nil)
        #expect(throws: SourceFile.Failure.self) {
            try CorpusStatistics.load(directory: directory.appendingPathComponent("missing"), extractor: extractor,
                                      converter: SummaryFixture.converter(), salt: "")
        }
    }

    @Test func withoutACorpusTheDocumentsOwnParagraphsGiveTheIDF() throws {
        let summarizer = try Summarizer(templates: Fixture.templates)
        #expect(summarizer.corpus == nil)
        let summary = summarizer.summarize(SummaryFixture.document("003"), budget: .sentences(4))
        #expect(summary.sentences.count == 4)
    }
}

@Suite struct EnumerationTests {
    @Test func enumerationsAreSelectedWholeOrNotAtAll() throws {
        let text = "关于做好人才工作的几点意见\n今年以来,我们扎实推进人才工作,取得了明显成效。\n要重点抓好三项工作。一是加强人才引进,全年引进博士20名。二是加强人才培养,举办培训班12期。三是加强人才服务,建成人才驿站5个。\n下一步,我们将继续努力,推动人才工作再上新台阶。\n"
        let reader = Fixture.reader()
        let summarizer = try Summarizer(templates: Fixture.templates)
        let document = reader.read(text)
        for budget in [SummaryBudget.sentences(2), .sentences(6), .characters(60), .characters(120), .automatic] {
            let texts = summarizer.summarize(document, budget: budget).sentences.map(\.text)
            let items = texts.filter { $0.hasPrefix("一是") || $0.hasPrefix("二是") || $0.hasPrefix("三是") }
            #expect(items.count == 0 || items.count == 3, "\(budget): \(texts)")
        }
    }

    @Test func ordinals() {
        #expect(Enumeration.ordinal(opening: "二是加强人才培养。") == 2)
        #expect(Enumeration.ordinal(opening: "第三,要抓好落实。") == 3)
        #expect(Enumeration.ordinal(opening: "其次,要加强监督。") == 2)
        #expect(Enumeration.ordinal(opening: "最后一公里要打通。") == nil)
        #expect(Enumeration.mentions(1, in: "要抓好两件事:一是学习。"))
    }
}
