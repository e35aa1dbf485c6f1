import ArgumentParser
import Foundation
import TiyaoKit

struct Draft: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draft a speech outline (交流发言, 表态发言, 讲话) from a template and the corpus.",
        discussion: """
            Section headings are generated from ONE pattern family (templates/patterns), filled
            per theme, so they are truly parallel. Each section gets points quoted verbatim from
            the corpus with their sources (file:line) and the sentences after them as support.
            The frame — title, salutation, opening, closing — is the template's own text
            (templates/drafts/<type>.mustache). Types and their default patterns are listed in
            templates/drafts/types.yaml. The same inputs give the same draft; --seed varies it.

              tiyao draft --type 交流发言 --topic 组织工作
              tiyao draft --type 讲话 --topic 人才工作 --themes 人才工作,干部队伍,基层党建 --format json
              tiyao draft --type 表态发言 --topic 基层党建 --format docx --out 表态发言.docx
            """
    )

    @Option(help: "Speech type: a key of templates/drafts/types.yaml (交流发言, 表态发言, 讲话).") var type = "交流发言"
    @Option(help: "The speech's topic, e.g. 组织工作.") var topic: String
    @Option(help: ArgumentHelp("Comma-separated themes, one section each (default: the first four in themes.yaml).", valueName: "a,b,c"))
    var themes: String?
    @Option(help: ArgumentHelp("Pattern family for the headings (default: the type's pattern).", valueName: "id")) var pattern: String?
    @Option(help: ArgumentHelp("Corpus directory or files to draw points from (default: corpus/, or the corpus store when it exists).", valueName: "dir"))
    var corpus: [String] = []
    @OptionGroup var store: StoreOptions
    @Option(help: "Points per section (2–4).") var points = 3
    @Option(help: "0 for the best points; another number picks other good points, reproducibly.") var seed: UInt64 = 0
    @Option(help: "Script of borrowed text: original (verbatim, the default), simplified or traditional (converted character by character).")
    var script: ScriptChoice = .original
    @Option(help: "Output format: markdown, json or docx (docx needs --out).") var format: DocumentFormat = .markdown
    @Option(help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "path")) var out: String?
    @OptionGroup var library: LibraryOptions

    func validate() throws {
        guard (2...4).contains(points) else { throw ValidationError("--points must be 2, 3 or 4") }
        if format == .docx, out == nil { throw ValidationError("--format docx writes a file: give --out PATH") }
    }

    func run() throws {
        try guarded {
            let toolkit = try library.toolkit()
            let templates = toolkit.templates
            let themeSet = try ThemeSet(templates: templates)
            let types = try SpeechTypes(templates: templates)
            guard let speechType = types.type(type) else {
                throw CLIError.input("unknown speech type '\(type)' (types: \(types.types.map(\.name).sorted().joined(separator: ", ")))")
            }
            let themeIDs = themes.map { $0.split(whereSeparator: { $0 == "," || $0 == "," || $0 == "、" }).map { $0.trimmingCharacters(in: .whitespaces) } }
                ?? Array(themeSet.themes.prefix(4).map(\.id))
            // With a corpus store, read only the documents most on the chosen themes (found
            // through its full-text index); otherwise the corpus directory's files.
            var paths = corpus
            if paths.isEmpty, let index = try store.store() {
                let keywords = themeIDs.compactMap { themeSet.theme($0)?.keywords }.flatMap { $0 }
                do { paths = try index.documents(matching: keywords, limit: 40 * max(1, themeIDs.count)) } catch {
                    throw CLIError.input("\(index.url.path): \(error)")
                }
            }
            if paths.isEmpty { paths = ["corpus"] }
            let documents: [Document]
            do { documents = try Material.read(paths, reader: toolkit.reader) } catch { throw CLIError.input("\(error)") }
            let material = Material(documents: documents, themes: themeSet)
            let terms = toolkit.terms
            let builder = DraftBuilder(material: material, themes: themeSet, library: toolkit.engine.library) { Set(terms.terms($0)) }
            var draft: SpeechDraft
            do {
                draft = try builder.build(type: type, topic: topic, themeIDs: themeIDs, patternID: pattern ?? speechType.pattern,
                                          pointsPerSection: points, seed: seed)
            } catch let failure as DraftBuilder.Failure { throw CLIError.template(failure.description) }
            if let target = script.script { draft = draft.converted(to: target, with: toolkit.reader.converter) }
            switch format {
            case .json:
                try Output.write(Output.json(draft), to: out)
            case .markdown, .docx:
                let rendered = try DraftTemplates(templates: templates).render(speechType.template, draft.templateContext())
                if format == .markdown { try Output.write(rendered, to: out) } else {
                    try Output.write(try DocxDocument(markdown: rendered).data(), to: out)
                }
            }
        }
    }
}

enum DocumentFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown, json, docx
}

/// Output script: character-by-character conversion, or the source's own.
enum ScriptChoice: String, ExpressibleByArgument, CaseIterable {
    case simplified, traditional, original

    var script: ScriptConverter.Script? {
        switch self {
        case .simplified: return .simplified
        case .traditional: return .traditional
        case .original: return nil
        }
    }
}
