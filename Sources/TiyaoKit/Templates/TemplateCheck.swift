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
        let summary = problems.isEmpty
            ? "templates ok: \(counts.joined(separator: ", ")) in \(templates.directory.path)"
            : "\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(templates.directory.path)"
        return Report(problems: problems, summary: summary)
    }
}
