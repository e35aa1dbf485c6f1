import Foundation

/// The checks the fuzzer and the property tests run on every document beyond the
/// structure's own invariants.
public enum FuzzChecks {
    public static func all(toolkit: Toolkit) -> [FuzzCampaign.Check] {
        let summarizer = try? Summarizer(templates: toolkit.templates)
        return [
            { document in
                // Outline JSON must always encode.
                _ = try JSONEncoder().encode(Outline(document))
                return []
            },
            { document in
                // Summaries, figures and slogans cite text that stands at its line.
                guard let summarizer else { return ["summarizer could not be built"] }
                var problems: [String] = []
                // One budget an input, varied with the input, keeps the run fast.
                let budgets = [SummaryBudget.automatic, .sentences(3), .characters(200)]
                for budget in [budgets[document.lines.count % budgets.count]] {
                    let summary = summarizer.summarize(document, budget: budget)
                    problems += Invariants.violations(citing: summary.sentences.map { ($0.text, $0.line) }, in: document)
                    problems += Invariants.violations(citing: summary.figures.map { ($0.text, $0.line) }, in: document)
                    _ = try JSONEncoder().encode(summary)
                }
                return problems
            },
        ]
    }
}
