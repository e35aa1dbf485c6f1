import ArgumentParser
import Foundation
import TiyaoKit

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure tiyao against hand-made references.",
        subcommands: [EvalStructure.self]
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
