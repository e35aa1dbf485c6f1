/// The summarizer as the briefing's picker: for each section, its best-ranked body
/// sentences (headings are already the items' titles) and the figures inside it.
extension BriefingBuilder {
    public static func picker(summarizer: Summarizer, method: any SummaryMethod = SummaryMethods.defaultMethod,
                              sentencesPerSection: Int = 2) -> Picker {
        var cache: (path: String, ranked: [Int], context: SummaryContext, figures: [Summary.Span])?
        return { document, section in
            if cache?.path != document.path {
                let context = summarizer.context(document)
                let ranked = Array(method.ranking(context).order)
                let figures = summarizer.summarize(document, method: method, budget: .sentences(1)).briefingFigures.shown
                cache = (document.path, ranked, context, figures)
            }
            let (_, ranked, context, figures) = cache!
            let units = ranked.filter { context.units[$0].section == section.heading && context.units[$0].headingLevel == nil }
                .prefix(sentencesPerSection).sorted()
            let sentences = units.flatMap { context.units[$0].sentences.map { document.sentences[$0] } }
            // Figures whose line falls inside the section.
            let lines = Set(section.sentences.map(\.line))
            let inside = figures.filter { lines.contains($0.line) }.prefix(3).map { (text: $0.text, line: $0.line) }
            return (sentences, Array(inside))
        }
    }
}
