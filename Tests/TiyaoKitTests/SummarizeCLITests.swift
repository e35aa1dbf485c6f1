import Foundation
import Testing

@Suite struct SummarizeCommandTests {
    func json(_ run: Fixture.Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test func jsonFollowsTheSchema() throws {
        let path = Fixture.seed("003").path
        let run = try Fixture.tiyao(["summarize", path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try json(run)
        #expect(object["title"] as? String == "蓬江:党建引领促发展,擎旗奋进开新局")
        #expect(object["method"] as? String == "lexrank")
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let sentences = try #require(object["sentences"] as? [[String: Any]])
        #expect(!sentences.isEmpty)
        var previous = 0
        for sentence in sentences {
            let text = try #require(sentence["text"] as? String)
            let line = try #require(sentence["line"] as? Int)
            #expect(lines[line - 1].contains(text))
            #expect(line >= previous)
            previous = line
            #expect(sentence["score"] is Double)
            #expect(sentence["section"] == nil || sentence["section"] is String)
        }
        let keyphrases = try #require(object["keyphrases"] as? [String])
        #expect(!keyphrases.isEmpty)
        let figures = try #require(object["figures"] as? [[String: Any]])
        for figure in figures {
            let text = try #require(figure["text"] as? String), line = try #require(figure["line"] as? Int)
            #expect(lines[line - 1].contains(text))
        }
        let slogans = try #require(object["slogans"] as? [[String: Any]])
        let first = try #require(slogans.first)
        #expect(first["text"] as? String == "四项工程")
        #expect(first["count"] as? Int == 3)
        #expect(first["lines"] as? [Int] == [3, 4, 7])
    }

    @Test func titleIsNullWhenTheDocumentHasNone() throws {
        let object = try json(try Fixture.tiyao(["summarize", Fixture.seed("004").path, "--format", "json"]))
        #expect(object["title"] is NSNull)
    }

    @Test func budgetsAreHonoured() throws {
        let path = Fixture.seed("000").path
        let chars = try json(try Fixture.tiyao(["summarize", path, "--format", "json", "--chars", "300"]))
        let texts = try #require(chars["sentences"] as? [[String: Any]]).compactMap { $0["text"] as? String }
        #expect(texts.reduce(0) { $0 + $1.count } >= 300)
        for method in ["lexrank", "textrank", "lead"] {
            let counted = try json(try Fixture.tiyao(["summarize", path, "--format", "json", "--sentences", "4", "--method", method]))
            #expect((counted["sentences"] as? [Any])?.count == 4)
            #expect(counted["method"] as? String == method)
        }
    }

    @Test func outputIsByteIdenticalAcrossRuns() throws {
        let path = Fixture.seed("001").path
        for format in ["text", "json"] {
            let first = try Fixture.tiyao(["summarize", path, "--format", format])
            let second = try Fixture.tiyao(["summarize", path, "--format", format])
            #expect(first.status == 0)
            #expect(first.stdout == second.stdout)
        }
    }

    @Test func briefingTextAndMarkdown() throws {
        let text = try Fixture.tiyao(["summarize", Fixture.seed("003").path])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("蓬江:党建引领促发展,擎旗奋进开新局\n"))
        #expect(text.stdout.contains("\n实施“四项工程” 强化选贤任能 〔第4行〕\n"))
        #expect(text.stdout.contains("\n数字亮点\n"))
        #expect(text.stdout.contains("\n提法\n  · 四项工程 ×3 〔第3、4、7行〕\n"))
        let markdown = try Fixture.tiyao(["summarize", Fixture.seed("001").path, "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# 東源創新舉措不斷提升黨建和組織工作質量水平\n"))
        #expect(markdown.stdout.contains("## 概要\n\n> 東源縣被市委推送為"))
        #expect(markdown.stdout.contains("## “三抓三強”:匯聚團結奮進強大合力 〔第11行〕"))
    }

    @Test func scriptConversion() throws {
        let run = try Fixture.tiyao(["summarize", Fixture.seed("001").path, "--script", "simplified", "--format", "json"])
        let object = try json(run)
        #expect(object["title"] as? String == "东源创新举措不断提升党建和组织工作质量水平")
        let original = try json(try Fixture.tiyao(["summarize", Fixture.seed("001").path, "--format", "json"]))
        #expect(original["title"] as? String == "東源創新舉措不斷提升黨建和組織工作質量水平")
        // The same sentences, only the script differs.
        #expect((object["sentences"] as? [[String: Any]])?.map { $0["line"] as? Int } == (original["sentences"] as? [[String: Any]])?.map { $0["line"] as? Int })
    }

    @Test func readsStandardInput() throws {
        let run = try Fixture.tiyao(["summarize", "-", "--sentences", "2", "--format", "json"], stdin: try Data(contentsOf: Fixture.seed("002")))
        #expect(run.status == 0, "\(run.stderr)")
        #expect((try json(run)["sentences"] as? [Any])?.count == 2)
    }

    @Test func missingFileIsOneLineErrorWithExitCode2() throws {
        let run = try Fixture.tiyao(["summarize", "/no/such/file.txt"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("no such file"))
    }

    @Test func missingCorpusIsAnInputError() throws {
        let run = try Fixture.tiyao(["summarize", Fixture.seed("003").path, "--corpus", "/no/such/corpus"])
        #expect(run.status == 2)
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test func usageErrors() throws {
        let path = Fixture.seed("003").path
        #expect(try Fixture.tiyao(["summarize", path, "--method", "luhn"]).status == 64)
        #expect(try Fixture.tiyao(["summarize", path, "--sentences", "3", "--chars", "100"]).status == 64)
        #expect(try Fixture.tiyao(["summarize", path, "--ratio", "2"]).status == 64)
        #expect(try Fixture.tiyao(["summarize", path, "--sentences", "0"]).status == 64)
    }
}

@Suite struct EvalSummaryAndBenchCommandTests {
    @Test func evalSummaryPrintsEverySetAndMethod() throws {
        let run = try Fixture.tiyao(["eval", "summary", "--data", Fixture.fixtures.appendingPathComponent("summaries").path,
                                     "--gold", Fixture.gold.path, "--docs", Fixture.corpus.path])
        #expect(run.status == 0, "\(run.stderr)")
        for set in ["clts", "coretip", "outline"] {
            for method in ["lexrank", "textrank", "lead"] {
                #expect(run.stdout.contains { _ in true } && run.stdout.split(separator: "\n").contains { $0.hasPrefix(set) && $0.contains(" \(method) ") })
            }
        }
        #expect(run.stdout.split(separator: "\n").contains { $0.hasPrefix("outline") && $0.contains(" outline ") })
    }

    @Test func evalSummaryWithAMissingExplicitDirectoryFails() throws {
        let run = try Fixture.tiyao(["eval", "summary", "--data", "/no/such/dir"])
        #expect(run.status == 2)
    }

    @Test func benchReportsThroughput() throws {
        let run = try Fixture.tiyao(["bench", Fixture.seed("002").path, Fixture.seed("003").path, "--repeat", "2", "--runs", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("outline"))
        #expect(run.stdout.contains("summarize"))
        #expect(run.stdout.contains("chars/s"))
    }
}
