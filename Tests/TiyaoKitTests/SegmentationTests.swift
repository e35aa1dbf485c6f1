import Foundation
import Testing
@testable import TiyaoKit

@Suite struct SentenceSplitterTests {
    let splitter = try! SentenceSplitter()

    func sentences(_ text: String) -> [String] {
        let units = Array(text.utf16)
        return splitter.split(units).map { String(utf16Units: units[$0]) }
    }

    @Test func splitsOnlyAtSentenceEnds() {
        #expect(sentences("抓理论武装,增强责任担当。坚持把学习贯彻作为重大政治任务;编印学习资料。")
            == ["抓理论武装,增强责任担当。", "坚持把学习贯彻作为重大政治任务;编印学习资料。"])
    }

    @Test func closingQuotesStayAndOpeningQuotesMoveOn() {
        #expect(sentences("必须引才育才留才。“政招企用”引。他说:“要干实事。”随后散会。")
            == ["必须引才育才留才。", "“政招企用”引。", "他说:“要干实事。”", "随后散会。"])
    }

    @Test func questionExclamationAndEllipsis() {
        #expect(sentences("怎么办?干就完了!成绩可圈可点……近年来亮点纷呈。")
            == ["怎么办?", "干就完了!", "成绩可圈可点……", "近年来亮点纷呈。"])
        #expect(sentences("真的吗?!是的。") == ["真的吗?!", "是的。"])
    }

    @Test func fullWidthAndASCIIMixed() {
        #expect(sentences("组织体系织密建强。队伍战斗力持续提升！效果如何？很好.")
            == ["组织体系织密建强。", "队伍战斗力持续提升！", "效果如何？", "很好."])
    }

    @Test func numberedHeadingsAndDecimalsDoNotSplit() {
        #expect(sentences("1.加强干部队伍建设。增长了3.5个百分点。") == ["1.加强干部队伍建设。", "增长了3.5个百分点。"])
    }

    @Test func lineWithoutFinalPunctuationIsOneUnit() {
        #expect(sentences("高擎旗帜,凝心铸魂筑忠诚") == ["高擎旗帜,凝心铸魂筑忠诚"])
        #expect(sentences("   ") == [])
        #expect(sentences("") == [])
    }
}

@Suite struct WordSegmenterTests {
    @Test func lexiconTermsAreSingleTokens() throws {
        let segmenter = try WordSegmenter(lexicon: Lexicon(terms: ["高质量发展", "两个维护", "习近平新时代中国特色社会主义思想"]))
        let words = segmenter.words("坚持以习近平新时代中国特色社会主义思想为指导,推动高质量发展,做到两个维护。")
        #expect(words.contains("习近平新时代中国特色社会主义思想"))
        #expect(words.contains("高质量发展"))
        #expect(words.contains("两个维护"))
        // No character is lost or duplicated.
        #expect(words.joined() == "坚持以习近平新时代中国特色社会主义思想为指导,推动高质量发展,做到两个维护。")
    }

    @Test func icuDictionarySegmentsChinese() throws {
        let segmenter = try WordSegmenter()
        let words = segmenter.words("组织部门加强干部队伍建设")
        #expect(words.count >= 3)
        #expect(words.joined() == "组织部门加强干部队伍建设")
    }

    @Test func numbersAreTokens() throws {
        let segmenter = try WordSegmenter()
        let units = Array("增设780个党小组".utf16)
        let tokens = segmenter.tokens(units)
        #expect(tokens.contains { $0.kind == .number && String(utf16Units: units[$0.range]) == "780" })
    }

    @Test func lexiconFileFormat() {
        let lexicon = Lexicon(contentsOf: "# comment\n选调生\n\n  党建引领  # trailing comment\n")
        #expect(lexicon.count == 2)
        #expect(lexicon.contains("党建引领"))
        #expect(!lexicon.contains("党建"))
    }
}

@Suite struct ScriptTests {
    let converter = try! ScriptConverter()

    @Test func traditionalToSimplifiedCharacterByCharacter() {
        #expect(converter.convert("東源創新舉措不斷提升黨建", to: .simplified) == "东源创新举措不断提升党建")
        // Never word-level substitutions.
        #expect(converter.convert("文字", to: .simplified) == "文字")
        #expect(converter.convert("党建引领", to: .traditional) == "黨建引領")
    }

    @Test func shadowKeepsLengthAndNormalizesPunctuation() {
        let text = "黨建引領，促發展：“三抓三強”！（一）"
        let units = Array(text.utf16)
        let shadow = converter.shadow(units)
        #expect(shadow.count == units.count)
        #expect(String(utf16Units: shadow) == "党建引领,促发展:“三抓三强”!(一)")
    }

    @Test func detectsScript() {
        #expect(converter.detectScript(Array("東源創新舉措不斷提升黨建和組織工作質量水平".utf16)) == .traditional)
        #expect(converter.detectScript(Array("东源创新举措不断提升党建和组织工作质量水平".utf16)) == .simplified)
    }

    @Test func nfkc() {
        #expect(Normalizer.normalize("ＡＢＣ１２３，", .nfkc) == "ABC123,")
    }
}

@Suite struct RegexTests {
    @Test func namedGroups() throws {
        let regex = try ICURegex("把(?<obj>\\p{Han}{2})(?<vc>\\p{Han}{4}),")
        let text = Array("把旗帜举高扛稳,筑牢根基。".utf16)
        let match = try #require(try regex.firstMatch(in: text))
        #expect(String(utf16Units: text[match.groups["obj"]!]) == "旗帜")
        #expect(String(utf16Units: text[match.groups["vc"]!]) == "举高扛稳")
    }

    @Test func syntaxErrorIsReported() {
        #expect(throws: ICURegex.Failure.self) { try ICURegex("(abc") }
    }

    @Test func catastrophicPatternHitsTimeLimit() throws {
        let regex = try ICURegex("(a+)+$", timeLimit: 200)
        let text = Array((String(repeating: "a", count: 5000) + "b").utf16)
        #expect(throws: ICURegex.Failure.self) { try regex.matches(in: text) }
    }
}

@Suite struct ScriptTableTests {
    @Test func tablesRoundTripThroughTheirCacheFormat() throws {
        let table = ScriptTable(toSimplified: try ScriptTable.build("Hant-Hans"), toTraditional: try ScriptTable.build("Hans-Hant"))
        #expect(table.toSimplified[0x6771] == 0x4E1C)  // 東 → 东
        #expect(table.toTraditional[0x515A] == 0x9EE8)  // 党 → 黨
        #expect(table.toSimplified.count > 2000)
        let decoded = try #require(ScriptTable.decode(table.encoded()))
        #expect(decoded.toSimplified == table.toSimplified)
        #expect(decoded.toTraditional == table.toTraditional)
        #expect(ScriptTable.decode(Data("garbage".utf8)) == nil)
    }
}
