import ArgumentParser
import Foundation
import TiyaoKit

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure tiyao against hand-made references.",
        subcommands: [EvalStructure.self, EvalSummary.self]
    )
}

struct EvalStructure: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "structure",
        abstract: "Heading precision/recall/F1 per level and title accuracy against gold outlines.",
        discussion: """
            Headings match when equal after NFKC, traditional→simplified, and dropping whitespace
            and punctuation.

              tiyao eval structure --gold ../shared/eval/gold --docs corpus
            """
    )

    @Option(help: ArgumentHelp("Directory of gold *.json files.", valueName: "dir")) var gold: String
    @Option(help: ArgumentHelp("Directory holding the documents the gold files name.", valueName: "dir")) var docs: String
    @OptionGroup var library: LibraryOptions
    @Option(help: "Output format (text or json).") var format: OutputFormat = .text

    func run() throws {
        try guarded {
            let result = try StructureEvaluation.run(gold: URL(fileURLWithPath: gold), documents: URL(fileURLWithPath: docs),
                                                     reader: library.reader())
            try Output.write(format == .json ? Output.json(result) : result.text())
        }
    }
}

struct EvalSummary: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Char-level ROUGE-1/2/L F1 of each summary method, length-matched to the references.",
        discussion: """
            Texts are compared after NFKC, traditional→simplified, and dropping whitespace and
            punctuation. Each method takes k = 1, 2, … sentences until its summary reaches the
            reference's length (as in ../shared/eval/PEERS.md). Sets: clts (clts-samples.jsonl),
            coretip (001-without-core-tip.txt against 001-core-tip.ref.txt) from --data; outline
            (each seed against its gold headings of levels 1 and 2) from --gold with documents
            from --docs, where the extra mode 'outline' scores the recovered headings.

              tiyao eval summary
              tiyao eval summary --data ../shared/eval/summaries --gold ../shared/eval/gold --docs corpus
            """
    )

    static let defaultData = "../shared/eval/summaries"
    static let defaultGold = "../shared/eval/gold"

    @Option(help: ArgumentHelp("Directory with clts-samples.jsonl and the core-tip pair (default \(defaultData)).", valueName: "dir"))
    var data: String?
    @Option(help: ArgumentHelp("Directory of gold *.json outlines (default \(defaultGold)).", valueName: "dir")) var gold: String?
    @Option(help: ArgumentHelp("Directory holding the documents the gold files name.", valueName: "dir")) var docs: String = "corpus"
    @Option(help: ArgumentHelp("Corpus directory for IDF (default: ./corpus when it exists).", valueName: "dir")) var corpus: String?
    @Option(help: ArgumentHelp("Sentence features: terms or bigrams.", valueName: "kind")) var features: FeatureOption = .terms
    @Flag(help: "Show each item's scores and summary.") var details = false
    @OptionGroup var library: LibraryOptions
    @Option(help: "Output format (text or json).") var format: OutputFormat = .text

    func run() throws {
        try guarded {
            let templates = try library.library()
            let reader = try library.reader()
            let summarizer = try SummarizerOptions.summarizer(templates: templates, reader: reader, corpus: corpus)
            summarizer.parameters.features = features.kind
            let rouge = Rouge(normalizer: EvalText(converter: reader.converter))
            let methods = SummaryMethods.all

            func directory(_ explicit: String?, _ fallback: String) throws -> URL? {
                let path = explicit ?? fallback
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    return URL(fileURLWithPath: path)
                }
                if explicit != nil { throw CLIError.input("\(path): no such directory") }
                Console.note("\(path): not found, set skipped")
                return nil
            }
            var rows: [SummaryEvaluation.Row] = []
            if let data = try directory(data, Self.defaultData) {
                let clts = data.appendingPathComponent("clts-samples.jsonl")
                if FileManager.default.fileExists(atPath: clts.path) {
                    rows += SummaryEvaluation.score(set: "clts", items: try SummaryEvaluation.cltsItems(clts, reader: reader),
                                                    methods: methods, summarizer: summarizer, rouge: rouge, outlineMode: false)
                }
                let coretip = try SummaryEvaluation.coreTipItems(data, reader: reader)
                if !coretip.isEmpty {
                    rows += SummaryEvaluation.score(set: "coretip", items: coretip, methods: methods, summarizer: summarizer,
                                                    rouge: rouge, outlineMode: false)
                }
            }
            if let gold = try directory(gold, Self.defaultGold) {
                let items = try SummaryEvaluation.outlineItems(gold: gold, documents: URL(fileURLWithPath: docs), reader: reader)
                rows += SummaryEvaluation.score(set: "outline", items: items, methods: methods, summarizer: summarizer,
                                                rouge: rouge, outlineMode: true)
            }
            guard !rows.isEmpty else { throw CLIError.input("no evaluation set found; pass --data or --gold") }
            let result = SummaryEvaluation(rows: rows)
            try Output.write(format == .json ? Output.json(result) : result.text(details: details))
        }
    }
}

enum FeatureOption: String, ExpressibleByArgument, CaseIterable {
    case terms, bigrams
    var kind: FeatureKind { self == .terms ? .terms : .bigrams }
}
