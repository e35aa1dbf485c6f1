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
}
