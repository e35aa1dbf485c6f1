import Foundation
import Testing

@Suite struct OutlineCommandTests {
    @Test func jsonOutlineFollowsTheSchema() throws {
        let run = try Fixture.tiyao(["outline", Fixture.seed("003").path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["title"] as? String == "蓬江:党建引领促发展,擎旗奋进开新局")
        let headings = try #require(object["headings"] as? [[String: Any]])
        #expect(headings.count == 15)
        #expect(headings.first?["text"] as? String == "实施“四项工程” 强化选贤任能")
        #expect(headings.first?["level"] as? Int == 1)
        #expect(headings.first?["line"] as? Int == 4)
    }

    @Test func nullTitleInJSON() throws {
        let run = try Fixture.tiyao(["outline", Fixture.seed("004").path, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["title"] is NSNull || object["title"] == nil)
    }

    @Test func readsStandardInput() throws {
        let text = try Data(contentsOf: Fixture.seed("002"))
        let run = try Fixture.tiyao(["outline", "-", "--format", "markdown"], stdin: text)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("# 在组织工作务虚会上的交流发言"))
        #expect(run.stdout.contains("## 把旗帜举高扛稳,筑牢高质量发展思想根基。"))
        #expect(run.stdout.contains("### 以常学常新“求实”。"))
    }

    @Test func textOutlineIsAnIndentedTreeWithLineNumbers() throws {
        let run = try Fixture.tiyao(["outline", Fixture.seed("000").path])
        #expect(run.stdout.contains(" 8  高擎旗帜,凝心铸魂筑忠诚\n"))
        #expect(run.stdout.contains("12    坚持经常性教育和集中性教育相结合。\n"))
    }

    @Test func missingFileIsOneLineErrorWithExitCode2() throws {
        let run = try Fixture.tiyao(["outline", "/no/such/file.txt"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("no such file"))
    }

    @Test func directoryIsAnInputError() throws {
        let run = try Fixture.tiyao(["outline", Fixture.corpus.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("directory"))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let run = try Fixture.tiyao(["outline", "--bogus"])
        #expect(run.status == 64)
    }

    @Test func evalStructurePrintsMeans() throws {
        let run = try Fixture.tiyao(["eval", "structure", "--gold", Fixture.gold.path, "--docs", Fixture.corpus.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("mean L1 F1 1.000"))
    }
}
