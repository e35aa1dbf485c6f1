/// Everything a command needs from one template library, loaded once: the document
/// reader (structure rules, heading patterns) and the pattern engine.
public final class Toolkit {
    public let templates: Templates
    public let engine: PatternEngine
    public let reader: DocumentReader

    public init(templates: Templates) throws {
        self.templates = templates
        engine = PatternEngine(library: try PatternLibrary(templates: templates))
        reader = try DocumentReader(rules: templates.structureRules(), engine: engine)
    }

    /// Terms for TF-IDF and keyphrases (ICU words merged with the lexicon).
    public lazy var terms: TermExtractor = {
        do { return try TermExtractor(lexicon: templates.lexicon()) } catch {
            // An unreadable lexicon was already reported by `templates check`; go on without it.
            return try! TermExtractor(lexicon: Lexicon())
        }
    }()
}
