import ArgumentParser
import Foundation
import TiyaoKit

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Work with the template library (patterns, rules, lexicon, themes, drafts).",
        subcommands: [Check.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load and check every file of the template library.",
            discussion: """
                Compiles every regular expression, runs every pattern's examples, and reports each
                problem as file:line: message. Exits 3 when there is any problem.

                  tiyao templates check
                  tiyao templates check --templates ~/my-templates
                """
        )

        @OptionGroup var library: LibraryOptions

        func run() throws {
            try guarded {
                let templates = try library.library()
                let report = TemplateCheck.run(templates)
                for problem in report.problems { print(problem) }
                print("\(report.summary)")
                if !report.problems.isEmpty { throw ExitCode(3) }
            }
        }
    }
}
