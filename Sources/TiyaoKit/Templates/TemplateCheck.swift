import Foundation

/// `tiyao templates check`: loads every file of a template library and reports every
/// problem as `file:line: message` (not just the first).
public enum TemplateCheck {
    public struct Report: Sendable {
        public var problems: [TemplateError]
        public var summary: String
    }

    public static func run(_ templates: Templates) -> Report {
        var problems: [TemplateError] = []
        var counts: [String] = []
        do {
            _ = try templates.structureRules()
            counts.append("structure rules ok")
        } catch let error as TemplateError { problems.append(error) } catch {
            problems.append(TemplateError(file: templates.url("structure.yaml").path, line: 1, message: "\(error)"))
        }
        do {
            let lexicon = try templates.lexicon()
            counts.append("\(lexicon.count) lexicon terms")
        } catch let error as TemplateError { problems.append(error) } catch {}

        let (patterns, loadProblems) = PatternLibrary.load(directory: templates.url("patterns"))
        problems += loadProblems
        var compiled: [PhrasePattern] = []
        for pattern in patterns {
            do {
                _ = try ICURegex(pattern.regex, timeLimit: PatternLibrary.timeLimit)
                compiled.append(pattern)
            } catch {
                problems.append(TemplateError(file: pattern.file, line: pattern.line, message: "pattern '\(pattern.id)': \(error)"))
            }
        }
        if let library = try? PatternLibrary(patterns: compiled) {
            for index in library.patterns.indices { problems += library.checkExamples(of: index) }
        }
        counts.append("\(patterns.count) patterns")
        problems += checkDrafts(templates, patterns: patterns, counts: &counts)
        let summary = problems.isEmpty
            ? "templates ok: \(counts.joined(separator: ", ")) in \(templates.directory.path)"
            : "\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(templates.directory.path)"
        return Report(problems: problems, summary: summary)
    }

    /// Themes, speech types and Mustache templates: syntax, partials, unknown variables,
    /// and a render of each against a sample context.
    static func checkDrafts(_ templates: Templates, patterns: [PhrasePattern], counts: inout [String]) -> [TemplateError] {
        var problems: [TemplateError] = []
        var themeIDs: [String] = []
        do {
            let themes = try ThemeSet(templates: templates)
            themeIDs = themes.themes.map(\.id)
            counts.append("\(themes.themes.count) themes")
        } catch let error as TemplateError { problems.append(error) } catch {}

        let (drafts, draftProblems) = DraftTemplates.load(templates.url("drafts"))
        problems += draftProblems
        do {
            counts.append("\(drafts.names.count) templates")
            let contexts = sampleContexts()
            let known = Set(contexts.values.flatMap { Self.keys(of: $0) })
            for (name, text) in drafts.sources.sorted(by: { $0.key < $1.key }) {
                let path = drafts.directory.appendingPathComponent("\(name).mustache").path
                for (variable, line) in DraftTemplates.unknownVariables(text, known: known) {
                    problems.append(TemplateError(file: path, line: line, message: "unknown variable '\(variable)'"))
                }
                // Render only a library whose partials are sound (a recursive one would not return).
                if draftProblems.isEmpty, let context = contexts[name] ?? (name.hasPrefix("_") ? nil : contexts["speech"]), !name.hasPrefix("_") {
                    if (try? drafts.render(name, context))?.isEmpty != false {
                        problems.append(TemplateError(file: path, line: 1, message: "renders nothing against a sample context"))
                    }
                }
            }
        }

        do {
            let types = try SpeechTypes(templates: templates)
            let typesFile = templates.url("drafts/types.yaml").path
            for type in types.types {
                if !drafts.names.contains(type.template) {
                    problems.append(TemplateError(file: typesFile, line: 1, message: "type '\(type.name)': no template '\(type.template).mustache'"))
                }
                guard let pattern = patterns.first(where: { $0.id == type.pattern }) else {
                    problems.append(TemplateError(file: typesFile, line: 1, message: "type '\(type.name)': no pattern '\(type.pattern)'"))
                    continue
                }
                for theme in themeIDs.prefix(4) where pattern.fills[theme] == nil {
                    problems.append(TemplateError(file: pattern.file, line: pattern.line, message: "pattern '\(pattern.id)' (used by \(type.name)) has no fills for theme '\(theme)'"))
                }
            }
        } catch let error as TemplateError { problems.append(error) } catch {}
        return problems
    }

    /// A sample context for each kind of template: `speech` for speech types, and by name.
    static func sampleContexts() -> [String: [String: Any]] {
        ["speech": SpeechDraft.sample.templateContext(),
         "brief": Briefing.sample.templateContext(), "outline": Briefing.sample.templateContext()]
    }

    /// Every key anywhere in a context.
    static func keys(of value: Any) -> [String] {
        if let dictionary = value as? [String: Any] {
            return dictionary.keys + dictionary.values.flatMap(keys(of:))
        }
        if let array = value as? [Any] { return array.flatMap(keys(of:)) }
        return []
    }
}
