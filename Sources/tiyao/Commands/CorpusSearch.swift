import ArgumentParser
import Foundation
import TiyaoKit

struct CorpusSearch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find the sentences that contain a phrase, cited as file:line.",
        discussion: """
            Matches whole sentences containing every space-separated part of the query, in either
            script (a simplified query finds traditional text). Parts of three or more characters
            use the trigram index and are ranked by relevance; a query made only of one- or
            two-character parts is answered by a scan, in corpus order.

              tiyao corpus search 人才驿站
              tiyao corpus search 党建 引领 --limit 5
              tiyao corpus search 选贤任能 --format json
            """
    )

    @Argument(help: ArgumentHelp("What to look for.", valueName: "query")) var query: [String]
    @Option(help: "Most hits to show.") var limit: Int = 20
    @Option(help: "Output format.") var format: CorpusFormat = .text
    @OptionGroup var corpus: CorpusOptions

    func validate() throws {
        if query.joined().trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the query is empty") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        try guarded {
            let store = try corpus.store(create: false)
            let hits = try corpus.run(writing: false) {
                try store.search(query.joined(separator: " "), limit: limit)
            }
            switch format {
            case .json:
                struct Result: Encodable { var hits: [CorpusHit] }
                try Output.write(Output.json(Result(hits: hits)))
            case .text:
                try Output.write(hits.map { "\($0.file):\($0.line): \($0.snippet())\n" }.joined())
            }
        }
    }
}
