import Foundation
import Testing
@testable import TiyaoKit

@Suite struct StructureTests {
    static let evaluation = try! StructureEvaluation.run(gold: Fixture.gold, documents: Fixture.corpus, reader: Fixture.reader())

    @Test(arguments: ["000", "001", "002", "003", "004"])
    func seedMatchesGold(prefix: String) throws {
        let result = try #require(Self.evaluation.documents.first { $0.document.hasPrefix(prefix) })
        #expect(result.level1.f1 >= 0.95, "L1 missed \(result.missed), spurious \(result.spurious)")
        #expect(result.level2.f1 >= 0.90, "L2 missed \(result.missed), spurious \(result.spurious)")
        #expect(result.titleCorrect)
        #expect(result.furnitureAsHeadings.isEmpty)
    }

    /// Documents of other cities, speakers and shapes (numbered report, 讲话 with 第一,,
    /// traditional 字诀, messy web page, no headings), read by hand.
    static let unseen = try! StructureEvaluation.run(gold: Fixture.fixtures.appendingPathComponent("unseen"),
                                                     documents: Fixture.fixtures.appendingPathComponent("unseen"), reader: Fixture.reader())

    @Test func otherDocumentsMatchTheirGold() {
        #expect(Self.unseen.documents.count == 9)
        for result in Self.unseen.documents {
            #expect(result.level1.f1 >= 0.95, "\(result.document): \(result.missed) \(result.spurious)")
            #expect(result.level2.f1 >= 0.90, "\(result.document): \(result.missed) \(result.spurious)")
            #expect(result.titleCorrect, "\(result.document)")
            #expect(result.furnitureAsHeadings.isEmpty, "\(result.document)")
        }
    }

    @Test func documentWithoutTitleHasNullTitle() {
        #expect(Fixture.document("004").title == nil)
    }

    @Test func traditionalTextIsReportedInItsOwnScript() throws {
        let document = Fixture.document("001")
        #expect(document.script == .traditional)
        let first = try #require(document.headings.first)
        #expect(first.text == "“三抓三強”:匯聚團結奮進強大合力")
        #expect(first.shape == .slogan)
    }

    @Test func twoLineHeadingsAreJoinedByOneSpace() throws {
        let document = Fixture.document("003")
        let first = try #require(document.headings.first)
        #expect(first.text == "实施“四项工程” 强化选贤任能")
        #expect(first.line == 4)
        #expect(first.shape == .twoLine)
    }

    @Test func furnitureIsClassified() {
        let document = Fixture.document("000")
        #expect(document.lines(.caption).count == 5)
        #expect(document.lines(.chrome).map(\.text).contains("订阅后可查看全文(剩余80%)"))
        #expect(document.lines(.byline).map(\.text).contains("梁佩珊"))
        let speech = Fixture.document("002")
        #expect(speech.lines(.salutation).first?.text == "尊敬的各位领导,同志们:")
        #expect(speech.lines(.closing).first?.text == "汇报完毕,不当之处,请各位领导批评指正,谢谢。")
        let traditional = Fixture.document("001")
        #expect(traditional.lines(.abstractMarker).count == 1)
        #expect(traditional.abstract.first?.number == 9)
        #expect(traditional.subtitles.first?.text == "強基固本增動力 黨建引領促發展")
    }

    @Test func everyHeadingAndSentenceStandsAtItsLine() {
        for prefix in ["000", "001", "002", "003", "004"] {
            let document = Fixture.document(prefix)
            for heading in document.headings {
                let line = document.lines[heading.line - 1].text
                let firstPart = heading.text.components(separatedBy: " ").first!
                #expect(line.contains(firstPart), "\(prefix) heading \(heading.text) not on line \(heading.line)")
            }
            for sentence in document.sentences {
                #expect(document.lines[sentence.line - 1].text.contains(sentence.text))
            }
        }
    }

    @Test func numberedHeadingsNestByStyle() {
        let text = """
            关于2024年组织工作的报告
            一、总体情况
            今年以来,我们坚持稳中求进。各项工作取得新成效。
            (一)加强理论武装。全年举办读书班12期,培训3000人次。
            (二)建强干部队伍。选拔任用干部120名。
            1.优化结构。40岁以下干部占比提高。
            (1)抓源头。招录选调生54名。
            二、存在问题
            一些基层党组织作用发挥不够充分。
            """
        let document = Fixture.reader().read(text)
        #expect(document.title?.text == "关于2024年组织工作的报告")
        let outline = document.headings.map { "\($0.level) \($0.text)" }
        #expect(outline == ["1 一、总体情况", "2 (一)加强理论武装。", "2 (二)建强干部队伍。", "3 1.优化结构。", "4 (1)抓源头。", "1 二、存在问题"])
    }

    @Test func emptyAndBlankInput() {
        let reader = Fixture.reader()
        #expect(reader.read("").headings.isEmpty)
        #expect(reader.read("\n\n   \n").title == nil)
    }

    @Test func sectionIndexPointsToEnclosingHeading() throws {
        let document = Fixture.document("003")
        let sentence = try #require(document.sentences.first { $0.text.hasPrefix("统筹做好公务员") })
        let section = try #require(sentence.sectionIndex)
        #expect(document.headings[section].text == "实施干部队伍“引才工程”。")
    }

    @Test func bulletedShortLinesAreHeadingsButPhotoLinesAreCaptions() {
        let text = """
            某县组织工作综述
            近年来,某县坚持大抓基层的鲜明导向,各项工作取得新成效。全县党组织覆盖率达到100%。
            ■ 聚焦主责主业
            全县组织系统坚持围绕中心、服务大局,推动党建工作与中心工作深度融合。一年来成效明显。
            ■县委组织部开展专题培训。张三 摄
            ■ 锻造过硬队伍
            坚持严管厚爱结合,锻造忠诚干净担当的高素质干部队伍。各级班子结构持续优化。
            """
        let document = Fixture.reader().read(text)
        #expect(document.headings.map(\.text) == ["■ 聚焦主责主业", "■ 锻造过硬队伍"])
        #expect(document.lines(.caption).map(\.number) == [5])
    }

    @Test func wechatNumbersAndCornerQuotes() {
        let text = """
            東源縣組織工作綜述
            近年來,東源縣堅持「三抓三強」,各項工作取得新成效。全縣黨組織建設全面加強。
            01 抓理論武裝
            堅持把學習貫徹作為首要政治任務,開展理論研討23期。各級黨組織積極響應。
            02 抓隊伍建設
            堅持嚴管厚愛結合,調優配強各級領導班子。幹部隊伍結構持續優化。
            """
        let document = Fixture.reader().read(text)
        #expect(document.script == .traditional)
        #expect(document.headings.map(\.text) == ["01 抓理論武裝", "02 抓隊伍建設"])
        #expect(document.headings.allSatisfy { $0.level == 1 })
    }
}
