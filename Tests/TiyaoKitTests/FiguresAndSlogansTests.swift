import Foundation
import Testing
@testable import TiyaoKit

@Suite struct FigureTests {
    let finder = try! FigureFinder(segmenter: WordSegmenter(lexicon: Fixture.templates.lexicon()))

    func figures(_ text: String) -> [String] { finder.figures(in: SummaryFixture.read(text)).map(\.text) }

    @Test func numbersWithUnitsAndWhatTheyCount() {
        #expect(figures("全市共有5879个基层党组织、11万多名党员。") == ["5879个基层党组织", "11万多名党员"])
        #expect(figures("会议指出,我省有25万个基层党组织、510余万名党员,这是最可靠的力量。") == ["25万个基层党组织", "510余万名党员"])
        #expect(figures("每年选派干部3000名以上到基层一线。") == ["3000名以上"])
        #expect(figures("全年提拔重用市管干部75%来自改革创新一线。") == ["75%"])
        #expect(figures("设立每年2000万元的人才建设专项资金。") == ["2000万元"])
        #expect(figures("我国人口总量为13.95亿。") == ["13.95亿"])
        #expect(figures("建强23个市级党员教育基地。") == ["23个市级党员教育基地"])
    }

    @Test func yearsDatesAndOrdinalsAreLeftOut() {
        #expect(figures("2024年是关键一年。2024年12月17日至20日举办读书班。") == [])
        #expect(figures("制定《三年行动实施方案(2021—2023年)》,2020年度考核优秀。") == [])
        #expect(figures("总量居全国第4位,第七届表彰大会于5月31日举行。") == [])
        #expect(figures("拨打12345热线。") == [])
    }

    @Test func fullWidthDigitsCountAndTheSourceTextIsKept() {
        #expect(figures("新建１２个党群服务中心。") == ["１２个党群服务中心"])
    }

    @Test func seedFiguresCiteTheirLines() throws {
        let document = SummaryFixture.document("004")
        let spans = finder.figures(in: document)
        let total = try #require(spans.first { $0.text.hasPrefix("669万人") })
        #expect(document.lines[total.line - 1].text.contains(total.text))
        #expect(spans.contains { $0.text == "75%" })
        #expect(!spans.contains { $0.text.hasPrefix("2024年") || $0.text.hasPrefix("2025年") })
        for span in spans { #expect(document.lines[span.line - 1].text.contains(span.text)) }
        // Captions, bylines and page chrome hold no key figures.
        let seed000 = finder.figures(in: SummaryFixture.document("000"))
        #expect(!seed000.contains { $0.text.contains("80%") })
    }
}

@Suite struct SloganTests {
    let finder = try! SloganFinder(lexicon: Fixture.templates.lexicon())

    @Test func quotedAndLexiconSlogansWithCounts() {
        let document = SummaryFixture.read("""
            坚决做到“两个维护”,增强“四个意识”,两个维护要落到实处。
            落实“三严三实”要求,实施“六大工程”,一大批干部成长起来。
            实施“六大工程”,突出人才引进、培养和服务三大重点。
            """)
        let slogans = finder.slogans(in: document)
        #expect(slogans.map(\.text) == ["两个维护", "六大工程", "四个意识", "三大重点"])
        #expect(slogans[0].count == 2)
        #expect(slogans[0].lines == [1])
        #expect(slogans[1].count == 2)
        #expect(slogans[1].lines == [2, 3])
        #expect(!slogans.contains { $0.text.contains("一大") || $0.text.contains("三严三实") })
    }

    @Test func seed003NumberedProgrammes() {
        let slogans = finder.slogans(in: SummaryFixture.document("003"))
        #expect(slogans.prefix(3).map(\.text) == ["四项工程", "四项行动", "四个聚焦"])
        #expect(slogans.prefix(3).map(\.count) == [3, 3, 3])
        #expect(slogans[0].lines == [3, 4, 7])
    }

    @Test func seed001TraditionalScriptSlogansKeepTheirSpelling() throws {
        let slogans = finder.slogans(in: SummaryFixture.document("001"))
        let first = try #require(slogans.first { $0.text == "三抓三強" })
        #expect(first.count == 2)
        #expect(first.lines == [11, 12])
        #expect(slogans.contains { $0.text == "六大工程" })
        #expect(slogans.contains { $0.text == "兩個維護" })
    }

    @Test func figuresAndSlogansAppearInTheSummary() {
        let summary = SummaryFixture.summarizer().summarize(SummaryFixture.document("003"))
        #expect(summary.slogans.first?.text == "四项工程")
        #expect(summary.figures.contains { $0.text == "20名年轻干部" })
        #expect(summary.keyphrases.count > 3)
        #expect(!summary.keyphrases.contains { $0.first.map { "一二两三四五六七八九十".contains($0) } ?? false })
    }
}

@Suite struct FigureNounTests {
    let finder = try! FigureFinder(segmenter: WordSegmenter(lexicon: Fixture.templates.lexicon()))

    func figures(_ text: String) -> [String] { finder.figures(in: SummaryFixture.read(text)).map(\.text) }

    @Test func theCountedNounEndsAtItsHead() {
        // Verbs and adverbs after the noun are not part of it.
        #expect(figures("选派10名优秀干部组成招商小分队。") == ["10名优秀干部"])
        #expect(figures("全市11万多名党员常态化开展教育培训。") == ["11万多名党员"])
        // Brackets after the head and quoted names inside the noun are kept.
        #expect(figures("高质量完成286个村(社区)“两委”换届工作。") == ["286个村(社区)"])
        #expect(figures("定向招录54名“双一流”选调生。") == ["54名“双一流”选调生"])
    }
}
