import Foundation
import Testing
@testable import TiyaoKit

@Suite struct RougeTests {
    let rouge = Rouge(normalizer: EvalText(converter: SummaryFixture.converter()))

    @Test func handComputedChineseExample() {
        // Candidate 我爱北京 against 我爱上海北京:
        //   unigrams 4 of 4 match: P = 1, R = 4/6, F1 = 0.8
        //   bigrams 我爱, 北京 match: P = 2/3, R = 2/5, F1 = 0.5
        //   LCS 我爱北京 = 4: F1 = 0.8
        let score = rouge.score("我爱北京", reference: "我爱上海北京")
        #expect(abs(score.r1 - 0.8) < 1e-12)
        #expect(abs(score.r2 - 0.5) < 1e-12)
        #expect(abs(score.rl - 0.8) < 1e-12)
    }

    @Test func lcsIsASubsequenceNotASubstring() {
        // LCS of 甲乙丙丁 and 甲丙乙丁 is 3 (甲乙丁 or 甲丙丁); F1 = 3/4.
        #expect(Rouge.lcs(Array("甲乙丙丁"), Array("甲丙乙丁")) == 3)
        #expect(abs(rouge.score("甲乙丙丁", reference: "甲丙乙丁").rl - 0.75) < 1e-12)
        // Clipped counts: a repeated candidate character matches only as often as the reference has it.
        #expect(abs(rouge.score("党党党党", reference: "党建").r1 - 2 * 0.25 * 0.5 / 0.75) < 1e-12)
    }

    @Test func normalizationDropsPunctuationAndUnifiesScriptAndWidth() {
        let score = rouge.score("我愛北京！", reference: "我爱北京")
        #expect(score == Rouge.Score(r1: 1, r2: 1, rl: 1))
        #expect(rouge.score("ＡＢＣ１２", reference: "ABC12").r1 == 1)
        #expect(rouge.length("“四项工程”, 强化选贤任能。") == 10)
    }

    @Test func nothingInCommonOrEmptyIsZero() {
        #expect(rouge.score("甲乙", reference: "丙丁") == Rouge.Score(r1: 0, r2: 0, rl: 0))
        #expect(rouge.score("", reference: "丙丁") == Rouge.Score(r1: 0, r2: 0, rl: 0))
        #expect(rouge.score("甲", reference: "甲").r2 == 0)  // no bigrams at all
    }
}

@Suite struct SummaryEvaluationTests {
    let rouge = Rouge(normalizer: EvalText(converter: SummaryFixture.converter()))
    let summarizer = SummaryFixture.summarizer()
    static let clts = try! SummaryEvaluation.cltsItems(SummaryFixture.summaries.appendingPathComponent("clts-samples.jsonl"),
                                                       reader: Fixture.reader())

    @Test func cltsSetIsRead() {
        #expect(Self.clts.count == 12)
        #expect(Self.clts.allSatisfy { !$0.reference.isEmpty && $0.document.characterCount > 100 })
    }

    /// The evaluation's claim: on lead-heavy news the default method beats the lead baseline.
    @Test func defaultMethodBeatsLeadOnCLTS() {
        let rows = SummaryEvaluation.score(set: "clts", items: Self.clts, methods: [SummaryMethods.defaultMethod, Lead()],
                                           summarizer: summarizer, rouge: rouge, outlineMode: false)
        let best = rows[0].score, lead = rows[1].score
        #expect(best.r1 > lead.r1, "R1 \(best.r1) vs lead \(lead.r1)")
        #expect(best.rl > lead.rl, "RL \(best.rl) vs lead \(lead.rl)")
        // And above the best peer measured in PEERS.md.
        #expect(best.r1 > 0.338)
        #expect(best.rl > 0.244)
    }

    @Test func summariesAreLengthMatched() {
        for item in Self.clts {
            let text = SummaryEvaluation.summary(of: item, method: SummaryMethods.defaultMethod, summarizer: summarizer,
                                                 rouge: rouge)
            #expect(rouge.length(text) >= rouge.length(item.reference) || rouge.length(text) == rouge.length(item.document.lines.map(\.text).joined()))
        }
    }

    @Test func seedOutlinesScoreHighWithRecoveredHeadings() throws {
        let items = try SummaryEvaluation.outlineItems(gold: Fixture.gold, documents: Fixture.corpus, reader: Fixture.reader())
        #expect(items.count == 5)
        let rows = SummaryEvaluation.score(set: "outline", items: items, methods: [SummaryMethods.defaultMethod],
                                           summarizer: summarizer, rouge: rouge, outlineMode: true)
        #expect(rows.map(\.method) == ["lexrank", "outline"])
        #expect(rows[0].score.rl > 0.246)
        #expect(rows[1].score.rl > 0.6)
    }

    @Test func coreTipPairIsFound() throws {
        let items = try SummaryEvaluation.coreTipItems(SummaryFixture.summaries, reader: Fixture.reader())
        #expect(items.count == 1)
        #expect(items[0].document.abstract.isEmpty)
        #expect(items[0].reference.hasPrefix("東源縣被市委推送"))
    }
}
