import Foundation
import Testing
@testable import TiyaoKit

@Suite struct DraftCommandTests {
    func json(_ arguments: [String]) throws -> [String: Any] {
        let run = try Fixture.tiyao(arguments + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    func lines(_ file: String) throws -> [String] {
        let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : Fixture.root.appendingPathComponent(file)
        return try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
    }

    @Test func exchangeSpeechHasFourParallelSectionsWithSourcedPoints() throws {
        let draft = try json(["draft", "--type", "交流发言", "--topic", "组织工作", "--themes", "理论武装,干部队伍,人才工作,基层党建"])
        let sections = try #require(draft["sections"] as? [[String: Any]])
        #expect(sections.count == 4)
        #expect(Set(sections.compactMap { $0["pattern"] as? String }) == ["ba-paired-verbs"])
        #expect(sections.map { ($0["heading"] as? String)?.hasPrefix("把") == true } == [true, true, true, true])
        for section in sections {
            let points = try #require(section["points"] as? [[String: Any]])
            #expect(points.count >= 2)
            for point in points {
                let text = try #require(point["text"] as? String)
                let source = try #require(point["source"] as? [String: Any])
                let file = try #require(source["file"] as? String), line = try #require(source["line"] as? Int)
                #expect(try lines(file)[line - 1].contains(text), "\(text) not at \(file):\(line)")
            }
        }
    }

    @Test func sameInputsSameDraftAndSeedVariesIt() throws {
        let arguments = ["draft", "--type", "讲话", "--topic", "人才工作", "--format", "json"]
        let first = try Fixture.tiyao(arguments), second = try Fixture.tiyao(arguments)
        #expect(first.stdout == second.stdout)
        let seeded = try Fixture.tiyao(arguments + ["--seed", "7"])
        #expect(seeded.status == 0)
        #expect(seeded.stdout != first.stdout)
    }

    @Test func markdownFramesTheSpeechWithTemplateText() throws {
        let run = try Fixture.tiyao(["draft", "--type", "表态发言", "--topic", "基层党建"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("# 在基层党建会议上的表态发言"))
        #expect(run.stdout.contains("尊敬的各位领导,同志们:"))
        #expect(run.stdout.contains("## 一是聚焦"))
        #expect(run.stdout.contains("〔corpus/"))
    }

    @Test func unknownThemeOrPatternIsAClearError() throws {
        let theme = try Fixture.tiyao(["draft", "--topic", "组织工作", "--themes", "不存在"])
        #expect(theme.status == 3)
        #expect(theme.stderr.contains("unknown theme '不存在'"))
        let pattern = try Fixture.tiyao(["draft", "--topic", "组织工作", "--pattern", "zhua-x-y"])
        #expect(pattern.status == 3)
        #expect(pattern.stderr.contains("no fills"))
        let type = try Fixture.tiyao(["draft", "--topic", "组织工作", "--type", "报告"])
        #expect(type.status == 2)
    }

    @Test func docxIsWrittenAtomically() throws {
        let directory = Fixture.temporaryDirectory()
        let out = directory.appendingPathComponent("发言.docx")
        let run = try Fixture.tiyao(["draft", "--topic", "组织工作", "--format", "docx", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let data = try Data(contentsOf: out)
        #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["发言.docx"])
        let noOut = try Fixture.tiyao(["draft", "--topic", "组织工作", "--format", "docx"])
        #expect(noOut.status == 64)
    }
}

@Suite struct DraftTemplateTests {
    @Test func markdownBecomesStyledParagraphs() {
        let document = DocxDocument(markdown: "# 标题\n\n尊敬的各位领导,同志们:\n\n## 一级\n\n### 要点。 〔corpus/a.txt:3〕\n\n正文。 〔corpus/a.txt:4〕\n\n谢谢。\n")
        #expect(document.paragraphs.map(\.style) == [.title, .salutation, .heading1, .heading2, .body, .closing])
        #expect(document.paragraphs[3].text == "要点。")
        #expect(document.paragraphs[3].source == "corpus/a.txt:3")
    }

    func library(_ files: [String: String]) throws -> URL {
        let directory = Fixture.temporaryDirectory().appendingPathComponent("templates")
        try FileManager.default.copyItem(at: Fixture.templates.directory, to: directory)
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent("drafts/\(name)"), atomically: true, encoding: .utf8)
        }
        return directory
    }

    @Test func recursivePartialsAreAnErrorNotACrash() throws {
        let templates = try library(["_loop.mustache": "{{> _loop}}", "loop.mustache": "# {{topic}}\n{{> _loop}}\n"])
        let check = try Fixture.tiyao(["templates", "check", "--templates", templates.path])
        #expect(check.status == 3)
        #expect(check.stdout.contains("recursive partials: _loop → _loop"))
        let draft = try Fixture.tiyao(["draft", "--topic", "组织工作", "--templates", templates.path])
        #expect(draft.status == 3)
        #expect(draft.stderr.contains("recursive partials"))
    }

    @Test func deepPartialsAreLimited() throws {
        var files: [String: String] = [:]
        for depth in 0..<12 { files["_d\(depth).mustache"] = depth == 11 ? "x" : "{{> _d\(depth + 1)}}" }
        files["deep.mustache"] = "{{> _d0}}"
        let check = try Fixture.tiyao(["templates", "check", "--templates", try library(files).path])
        #expect(check.status == 3)
        #expect(check.stdout.contains("partials nest"))
    }

    @Test func syntaxErrorsAndUnknownVariablesAreReportedWithLines() throws {
        let templates = try library(["broken.mustache": "# {{topic}}\n{{#sections}}\n{{heading}}\n", "typo.mustache": "# {{topic}}\n\n{{#sections}}{{headnig}}{{/sections}}\n"])
        let check = try Fixture.tiyao(["templates", "check", "--templates", templates.path])
        #expect(check.status == 3)
        #expect(check.stdout.contains("broken.mustache:"))
        #expect(check.stdout.contains("typo.mustache:3: unknown variable 'headnig'"))
    }
}

@Suite struct BriefCommandTests {
    @Test func briefOfTheCorpusCoversEverySeedUnderFourThemes() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixture.corpus.path).filter { $0.hasSuffix(".txt") }.sorted().map { "corpus/\($0)" }
        let run = try Fixture.tiyao(["brief"] + files + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let themes = try #require(object["themes"] as? [[String: Any]])
        #expect(themes.count >= 4)
        var documents = Set<String>()
        for theme in themes {
            #expect(theme["theme"] is String)
            for item in try #require(theme["items"] as? [[String: Any]]) {
                let document = try #require(item["document"] as? String)
                documents.insert(document)
                #expect(item["heading"] is String)
                for sentence in try #require(item["sentences"] as? [[String: Any]]) {
                    let text = try #require(sentence["text"] as? String)
                    let source = try #require(sentence["source"] as? [String: Any])
                    let file = try #require(source["file"] as? String), line = try #require(source["line"] as? Int)
                    let lines = try String(contentsOf: Fixture.root.appendingPathComponent(file), encoding: .utf8).components(separatedBy: "\n")
                    #expect(lines[line - 1].contains(text))
                }
            }
        }
        #expect(documents.count == 5)
    }

    @Test func themeFilterAndExplain() throws {
        let run = try Fixture.tiyao(["brief", "--corpus", "corpus", "--theme", "人才工作", "--explain", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let themes = try #require(object["themes"] as? [[String: Any]])
        #expect(themes.map { $0["theme"] as? String } == ["人才工作"])
        let item = try #require((themes[0]["items"] as? [[String: Any]])?.first)
        let scores = try #require(item["scores"] as? [[String: Any]])
        #expect(scores.first?["theme"] as? String == "人才工作")
        let markdown = try Fixture.tiyao(["brief", "--corpus", "corpus", "--explain"])
        #expect(markdown.stdout.contains("主题归类依据"))
    }

    @Test func oneDocumentGivesItsOutlineInOrder() throws {
        let run = try Fixture.tiyao(["brief", Fixture.seed("003").path])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("# 蓬江:党建引领促发展,擎旗奋进开新局"))
        let first = try #require(run.stdout.range(of: "## 实施“四项工程” 强化选贤任能"))
        let second = try #require(run.stdout.range(of: "## 推进“四项行动” 持续固本强基"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(run.stdout.contains("### 实施干部队伍“引才工程”。"))
    }

    @Test func badArguments() throws {
        #expect(try Fixture.tiyao(["brief"]).status == 64)
        let theme = try Fixture.tiyao(["brief", "--corpus", "corpus", "--theme", "外星人"])
        #expect(theme.status == 2)
        #expect(theme.stderr.contains("unknown theme"))
        #expect(try Fixture.tiyao(["brief", "/no/such.txt"]).status == 2)
    }
}

@Suite struct StoreBackedCommandTests {
    @Test func draftBriefAndSummarizeDrawOnTheCorpusStore() throws {
        let db = Fixture.temporaryDirectory().appendingPathComponent("index.sqlite").path
        let index = try Fixture.tiyao(["corpus", "index", "corpus", "--db", db])
        #expect(index.status == 0, "\(index.stderr)")

        let draft = try Fixture.tiyao(["draft", "--topic", "组织工作", "--db", db, "--format", "json"])
        #expect(draft.status == 0, "\(draft.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(draft.stdout.utf8)) as? [String: Any])
        let sections = try #require(object["sections"] as? [[String: Any]])
        #expect(sections.count == 4)
        for point in sections.flatMap({ ($0["points"] as? [[String: Any]]) ?? [] }) {
            let source = try #require(point["source"] as? [String: Any])
            let lines = try String(contentsOf: Fixture.root.appendingPathComponent(source["file"] as! String), encoding: .utf8)
                .components(separatedBy: "\n")
            #expect(lines[(source["line"] as! Int) - 1].contains(point["text"] as! String))
        }

        let brief = try Fixture.tiyao(["brief", "--db", db, "--format", "json"])
        #expect(brief.status == 0, "\(brief.stderr)")
        let briefing = try #require(try JSONSerialization.jsonObject(with: Data(brief.stdout.utf8)) as? [String: Any])
        #expect((briefing["documents"] as? [String])?.count == 5)

        let summary = try Fixture.tiyao(["summarize", Fixture.seed("003").path, "--db", db, "--format", "json", "--sentences", "3"])
        #expect(summary.status == 0, "\(summary.stderr)")

        let missing = try Fixture.tiyao(["draft", "--topic", "组织工作", "--db", "/no/such/index.sqlite"])
        #expect(missing.status == 2)
        #expect(missing.stderr.split(separator: "\n").count == 1)
    }
}
