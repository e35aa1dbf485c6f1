import ArgumentParser
import Foundation
import TiyaoKit

struct Summarize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A one-page briefing (简报): key sentences by section, key figures, slogans, keyphrases.",
        discussion: """
            Sentences are ranked by a sentence graph (LexRank by default) over TF-IDF vectors,
            with IDF from your corpus (--corpus, default ./corpus when it exists; cached in
            DIR/.tiyao/idf.json), weighted by structure (an editor's abstract, highlights
            such as honours and firsts, and section leads count more; headings count more
            when the budget can hold the whole outline, and otherwise are left to the
            briefing's structure; captions, bylines, page chrome, salutations, closings and
            title lines are never selected) and by position, then chosen with every
            top-level section represented and redundancy removed; character budgets weigh
            each sentence against its length. Output is in document order, each sentence
            exactly as in the source with its line number.

            Budget (one of): --sentences N, --chars N (until at least N characters),
            --ratio R (until R × the document's characters). Default (a one-page briefing):
            one eighth of the document, at least \(SummaryBudget.automaticMinimum) and at most \(SummaryBudget.automaticMaximum) characters, and at most a
            third of a short text. Characters are counted as Unicode scalars.

              tiyao summarize corpus/003_c80e7640dadc126c.txt
              tiyao summarize report.txt --format json --chars 300
              cat report.txt | tiyao summarize - --method textrank --sentences 5
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var library: LibraryOptions
    @Option(help: "Output format.") var format: OutputFormat = .text
    @Option(help: ArgumentHelp("Ranking method: \(SummaryMethods.names.joined(separator: ", ")).", valueName: "name"))
    var method: String = SummaryMethods.defaultMethod.name
    @Option(help: ArgumentHelp("Select exactly N sentences.", valueName: "n")) var sentences: Int?
    @Option(help: ArgumentHelp("Select until the summary reaches at least N characters.", valueName: "n")) var chars: Int?
    @Option(help: ArgumentHelp("Select until the summary reaches R × the document's characters (0 < R ≤ 1).", valueName: "r"))
    var ratio: Double?
    @Option(help: ArgumentHelp("Corpus directory for IDF (default: ./corpus when it exists).", valueName: "dir")) var corpus: String?
    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("Convert the output to this script, character by character (default: as in the source).", valueName: "script"))
    var script: ScriptOption?

    func validate() throws {
        guard SummaryMethods.named(method) != nil else {
            throw ValidationError("unknown method '\(method)' (known: \(SummaryMethods.names.joined(separator: ", ")))")
        }
        guard [sentences != nil, chars != nil, ratio != nil].filter({ $0 }).count <= 1 else {
            throw ValidationError("give at most one of --sentences, --chars, --ratio")
        }
        if let sentences, sentences < 1 { throw ValidationError("--sentences must be at least 1") }
        if let chars, chars < 1 { throw ValidationError("--chars must be at least 1") }
        if let ratio, !(ratio > 0 && ratio <= 1) { throw ValidationError("--ratio must be in (0, 1]") }
    }

    var budget: SummaryBudget {
        if let sentences { return .sentences(sentences) }
        if let chars { return .characters(chars) }
        if let ratio { return .ratio(ratio) }
        return .automatic
    }

    func run() throws {
        try guarded {
            let templates = try library.library()
            let reader = try library.reader()
            let summarizer = try SummarizerOptions.summarizer(templates: templates, reader: reader, corpus: corpus,
                                                              store: corpus == nil ? store.store() : nil)
            let document = try input.document(with: reader)
            var summary = summarizer.summarize(document, method: SummaryMethods.named(method)!, budget: budget)
            if let script { summary = summary.converted(to: script.script, using: reader.converter) }
            switch format {
            case .text: try Output.write(summary.briefingText())
            case .markdown: try Output.write(summary.briefingMarkdown())
            case .json: try Output.write(Output.json(summary))
            }
        }
    }
}

enum ScriptOption: String, ExpressibleByArgument, CaseIterable {
    case simplified, traditional
    var script: ScriptConverter.Script { self == .simplified ? .simplified : .traditional }
}

enum SummarizerOptions {
    /// A summarizer with the library's lexicon and the corpus's IDF: an explicit --corpus
    /// must be a directory; the default ./corpus is used when it exists.
    /// With a corpus store (and no explicit --corpus), IDF comes from the indexed documents.
    static func summarizer(templates: Templates, reader: DocumentReader, corpus: String?, store: CorpusStore? = nil) throws -> Summarizer {
        let summarizer: Summarizer
        do { summarizer = try Summarizer(templates: templates) } catch let error as TemplateError { throw error } catch {
            throw CLIError.template("\(error)")
        }
        if let store {
            do { summarizer.corpus = try store.corpusStatistics() } catch { throw CLIError.input("\(store.url.path): \(error)") }
            return summarizer
        }
        let directory = corpus ?? "corpus"
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) && isDirectory.boolValue
        if corpus != nil || exists {
            guard exists else { throw CLIError.input("\(directory): not a corpus directory") }
            try summarizer.loadCorpus(URL(fileURLWithPath: directory), converter: reader.converter, salt: templates.lexiconFingerprint())
        }
        return summarizer
    }
}
