import Foundation
import Testing
@testable import TiyaoKit

@Suite struct PatternTests {
    // One per test: readers and engines hold ICU objects that are not thread-safe.
    let toolkit = try! Toolkit(templates: Fixture.templates)

    func report(_ prefix: String) throws -> PatternReport {
        try PatternReport(document: Fixture.document(prefix, reader: toolkit.reader), engine: toolkit.engine)
    }

    @Test func fiveZhuaSlogansOfSeed001EachWithThreeChildren() throws {
        let slogans = try report("001").slogans.filter { $0.pattern == "n-zhua-n-x" }
        #expect(slogans.map(\.text) == ["三抓三強", "三抓三推", "三抓三用", "三抓三建", "三抓三促"])
        for slogan in slogans {
            #expect(slogan.count == 3)
            #expect(slogan.children.count == 3)
            #expect(slogan.complete)
            #expect(slogan.children.allSatisfy { $0.text.hasPrefix("抓") })
        }
    }

    @Test func bracketedEnumerationIsASlogansMembers() throws {
        let slogan = try #require(try report("001").slogans.first { $0.text == "六大工程" })
        #expect(slogan.count == 6)
        #expect(slogan.complete)
        #expect(slogan.children.first?.text == "固本強基")
    }

    @Test func baSentencesOfSeed002HaveTheirObjects() throws {
        let matches = try report("002").matches.filter { $0.pattern == "ba-paired-verbs" }
        #expect(matches.map { $0.slots["obj"] } == ["旗帜", "贤能", "英才", "根基"])
        #expect(matches.map(\.line) == [4, 5, 6, 7])
    }

    @Test func numberedSlogansOfSeed003HaveFourChildrenEach() throws {
        let slogans = try report("003").slogans
        for text in ["四项工程", "四项行动", "四个聚焦"] {
            let slogan = try #require(slogans.first { $0.text == text })
            #expect(slogan.count == 4)
            #expect(slogan.children.count == 4, "\(text): \(slogan.children)")
            #expect(slogan.complete)
        }
    }

    @Test func ziJueMembersLeadTheirChildren() throws {
        let text = """
            用好“望闻问切”四字诀 提升调研质效
            全市组织部门在调研中坚持问题导向,总结出一套方法。望,就是看现场。深入一线察看实情,不看材料看实效。闻,就是听民声。召开座谈会收集意见建议。问,就是问需求。逐户走访了解群众所需。切,就是开良方。精准施策解决实际问题。
            """
        let document = toolkit.reader.read(text)
        let report = try PatternReport(document: document, engine: toolkit.engine)
        let slogan = try #require(report.slogans.first { $0.pattern == "zi-jue" })
        #expect(slogan.count == 4)
        #expect(slogan.children.map { String($0.text.prefix(1)) } == ["望", "闻", "问", "切"])
        #expect(slogan.complete)
    }

    @Test func parallelSeriesIncludeTheHeadings() throws {
        let series = try report("002").parallel
        #expect(series.contains { $0.headings && $0.items.count == 4 && $0.items[0].text.hasPrefix("把旗帜") })
    }

    @Test func generationFormRendersFromFills() throws {
        let pattern = try #require(toolkit.engine.library.pattern(id: "ba-paired-verbs"))
        let fill = try #require(pattern.fills["理论武装"])
        var values = fill
        values["goal"] = fill["goal"]!.replacingOccurrences(of: "{topic}", with: "高质量发展")
        #expect(pattern.render(values) == "把旗帜举高扛稳,筑牢高质量发展思想根基。")
        #expect(pattern.render([:]) == nil)
    }

    @Test func shippedLibraryPassesItsOwnCheck() {
        let report = TemplateCheck.run(Fixture.templates)
        #expect(report.problems.isEmpty, "\(report.problems)")
    }

    @Test func chineseNumbers() {
        #expect(ChineseNumber.parse("两") == 2)
        #expect(ChineseNumber.parse("十") == 10)
        #expect(ChineseNumber.parse("十二") == 12)
        #expect(ChineseNumber.parse("二十") == 20)
        #expect(ChineseNumber.parse("4") == 4)
        #expect(ChineseNumber.parse("百") == nil)
    }
}

@Suite struct PatternLibraryCLITests {
    /// A copy of the shipped library in a temporary directory, to add files to.
    func library() throws -> URL {
        let directory = Fixture.temporaryDirectory()
        let copy = directory.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: Fixture.templates.directory, to: copy)
        return copy
    }

    @Test func addedPatternFileIsUsedWithoutRebuilding() throws {
        let templates = try library()
        try """
            patterns:
              - id: jianchi-x-y
                name: 坚持X,Y
                scope: sentence
                heading: true
                regex: '^坚持(?<x>[^,。]{2,8}),(?<y>[^,。]{2,16})。$'
                examples:
                  match:
                    - 坚持学用结合,推动理论入脑入心。
                  no_match:
                    - 坚持把学习贯彻作为首要政治任务。
            """.write(to: templates.appendingPathComponent("patterns/jianchi.yaml"), atomically: true, encoding: .utf8)
        let input = templates.deletingLastPathComponent().appendingPathComponent("speech.txt")
        try """
            在理论学习中心组的发言
            同志们:
            今年以来,我们扎实推进理论武装工作,取得了一定成效。
            坚持学用结合,推动理论入脑入心。全年组织集中学习24次,撰写心得体会。
            坚持上下联动,推动学习走深走实。各支部同步跟进,形成合力。
            坚持严督实导,推动责任落细落实。建立督学机制,定期通报情况。
            下一步,我们将继续努力。
            """.write(to: input, atomically: true, encoding: .utf8)
        let check = try Fixture.tiyao(["templates", "check", "--templates", templates.path])
        #expect(check.status == 0, "\(check.stdout)")
        let patterns = try Fixture.tiyao(["patterns", input.path, "--templates", templates.path, "--format", "json"])
        #expect(patterns.stdout.contains("\"pattern\" : \"jianchi-x-y\""))
        let outline = try Fixture.tiyao(["outline", input.path, "--templates", templates.path])
        #expect(outline.stdout.contains("坚持学用结合,推动理论入脑入心。  [jianchi-x-y]"), "\(outline.stdout)")
        #expect(outline.stdout.contains("坚持严督实导,推动责任落细落实。"))
    }

    @Test func brokenPatternFileIsReportedWithItsNameAndExit3() throws {
        let templates = try library()
        try "patterns:\n  - id: broken\n    name: 坏\n    regex: '(abc'\n  - id: nameless\n    regex: 'x'\n"
            .write(to: templates.appendingPathComponent("patterns/broken.yaml"), atomically: true, encoding: .utf8)
        try "patterns: [ unclosed\n".write(to: templates.appendingPathComponent("patterns/invalid.yaml"), atomically: true, encoding: .utf8)
        let run = try Fixture.tiyao(["templates", "check", "--templates", templates.path])
        #expect(run.status == 3)
        #expect(run.stdout.contains("broken.yaml:2: pattern 'broken': regex syntax error"))
        #expect(run.stdout.contains("broken.yaml:5: pattern is missing 'name'"))
        #expect(run.stdout.contains("invalid.yaml:"))
        // Commands that need the library refuse it too, naming the file.
        let patterns = try Fixture.tiyao(["patterns", Fixture.seed("002").path, "--templates", templates.path])
        #expect(patterns.status == 3)
        #expect(patterns.stderr.contains("broken.yaml"))
    }

    @Test func failingExampleIsAProblem() throws {
        let templates = try library()
        try "patterns:\n  - id: strict\n    name: 严\n    regex: '^抓(?<x>\\p{Han}{2})$'\n    examples:\n      match:\n        - text: 抓落实\n          slots: { x: 落地 }\n      no_match: [抓好]\n"
            .write(to: templates.appendingPathComponent("patterns/strict.yaml"), atomically: true, encoding: .utf8)
        let run = try Fixture.tiyao(["templates", "check", "--templates", templates.path])
        #expect(run.status == 3)
        #expect(run.stdout.contains("strict.yaml:7: pattern 'strict': slot 'x' is '落实', expected '落地'"), "\(run.stdout)")
    }

    @Test func catastrophicRegexFailsWithinTheTimeLimit() throws {
        let templates = try library()
        try "patterns:\n  - id: catastrophic\n    name: 回溯\n    scope: line\n    regex: '(a+)+$'\n"
            .write(to: templates.appendingPathComponent("patterns/zz-catastrophic.yaml"), atomically: true, encoding: .utf8)
        let input = templates.deletingLastPathComponent().appendingPathComponent("long.txt")
        try (String(repeating: "a", count: 50_000) + "b。\n").write(to: input, atomically: true, encoding: .utf8)
        let start = Date()
        let run = try Fixture.tiyao(["patterns", input.path, "--templates", templates.path])
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(run.status == 3)
        #expect(run.stderr.contains("pattern 'catastrophic' exceeded its time limit"))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }
}
