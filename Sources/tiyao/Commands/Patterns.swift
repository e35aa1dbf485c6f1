import ArgumentParser
import TiyaoKit

struct Patterns: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find phrase patterns, numbered slogans (提法) with their members, and parallel series.",
        discussion: """
            Patterns come from templates/patterns/*.yaml (or --templates DIR): add a file and it
            is used at once, no rebuild. A slogan such as “三抓三强” or “四项工程” is linked to the
            members it announces; `complete` says whether as many were found as announced.

              tiyao patterns corpus/001_be5d3f317b1676cc.txt
              tiyao patterns report.txt --format json
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try guarded {
            let toolkit = try library.toolkit()
            let document = try input.document(with: toolkit.reader)
            let report = try CLIError.patternRun { try PatternReport(document: document, engine: toolkit.engine) }
            try output.write(output.format == .json ? Output.json(report) : report.text())
        }
    }
}
