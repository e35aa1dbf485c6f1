import ArgumentParser
import Foundation
import TiyaoKit

struct Brief: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A 简报 from several reports grouped by theme, or the outline of one report.",
        discussion: """
            Each document is cut into its level-1 sections; each section goes to the theme whose
            keywords it uses most (templates/themes.yaml) and brings its key sentences (ranked by
            the summarizer) and figures, every one quoted with its source file and line. One
            document gives its outline in document order (templates/drafts/outline.mustache);
            several give a briefing by theme (templates/drafts/brief.mustache).

              tiyao brief corpus/*.txt
              tiyao brief --corpus corpus --theme 人才工作 --theme 基层党建
              tiyao brief corpus/*.txt --format docx --out 简报.docx
              tiyao brief corpus/003_c80e7640dadc126c.txt --explain --format json
              tiyao brief --db corpus/.tiyao/index.sqlite     # every indexed document
            """
    )

    @Argument(help: ArgumentHelp("Documents to brief (or use --corpus).", valueName: "file")) var files: [String] = []
    @Option(help: ArgumentHelp("Brief every .txt file of this directory.", valueName: "dir")) var corpus: String?
    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("Keep only this theme (repeatable).", valueName: "theme")) var theme: [String] = []
    @Option(help: "Title (default: 组织工作简报, or the document's own title for one document).") var title: String?
    @Option(help: "Key sentences per section.") var sentences = 2
    @Flag(help: "Show each section's theme scores (JSON) or its best theme and score (Markdown).") var explain = false
    @Option(help: "Script of quoted text: original (default), simplified or traditional.") var script: ScriptChoice = .original
    @Option(help: "Output format: markdown, json or docx (docx needs --out).") var format: DocumentFormat = .markdown
    @Option(help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "path")) var out: String?
    @OptionGroup var library: LibraryOptions

    func validate() throws {
        if files.isEmpty, corpus == nil, store.db == nil, !FileManager.default.fileExists(atPath: CorpusStore.defaultPath) {
            throw ValidationError("give documents, --corpus DIR, or --db PATH (an index made by `tiyao corpus index`)")
        }
        if format == .docx, out == nil { throw ValidationError("--format docx writes a file: give --out PATH") }
        guard (1...6).contains(sentences) else { throw ValidationError("--sentences must be 1 to 6") }
    }

    func run() throws {
        try guarded {
            let toolkit = try library.toolkit()
            let themes = try ThemeSet(templates: toolkit.templates)
            for name in theme where themes.theme(name) == nil {
                throw CLIError.input("unknown theme '\(name)' (themes: \(themes.themes.map(\.id).joined(separator: ", ")))")
            }
            // Documents named, else a directory, else every document of the corpus store.
            var paths = files + (corpus.map { [$0] } ?? [])
            let index = paths.isEmpty ? try store.store() : nil
            if let index {
                do { paths = try index.documentPaths() } catch { throw CLIError.input("\(index.url.path): \(error)") }
            }
            let documents: [Document]
            do { documents = try Material.read(paths, reader: toolkit.reader) } catch {
                throw CLIError.input("\(error)")
            }
            guard !documents.isEmpty else { throw CLIError.input("no .txt documents to brief") }
            let summarizer = try SummarizerOptions.summarizer(templates: toolkit.templates, reader: toolkit.reader, corpus: nil, store: index)
            let builder = BriefingBuilder(material: Material(documents: documents, themes: themes), themes: themes,
                                          pick: BriefingBuilder.picker(summarizer: summarizer, sentencesPerSection: sentences))
            let defaultTitle = documents.count == 1 ? (documents[0].title?.text ?? documents[0].path) : "组织工作简报"
            var briefing = builder.build(title: title ?? defaultTitle, only: theme, explain: explain)
            if let target = script.script { briefing = briefing.converted(to: target, with: toolkit.reader.converter) }
            if format == .json {
                try Output.write(Output.json(briefing), to: out)
                return
            }
            let template = documents.count == 1 ? "outline" : "brief"
            var rendered = try DraftTemplates(templates: toolkit.templates).render(template, briefing.templateContext())
            if explain { rendered += briefing.explanation() }
            if format == .markdown { try Output.write(rendered, to: out) } else {
                try Output.write(try DocxDocument(markdown: rendered).data(), to: out)
            }
        }
    }
}
