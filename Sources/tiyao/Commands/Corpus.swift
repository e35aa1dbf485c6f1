import ArgumentParser
import Foundation
import TiyaoKit

struct Corpus: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Index a folder of reports for full-text search and term statistics.",
        discussion: """
            The index is a SQLite database, by default corpus/.tiyao/index.sqlite (git-ignored).
            Files are cited by their path relative to the working directory.

              tiyao corpus index                 # index corpus/ (again: only what changed)
              tiyao corpus search 人才驿站
              tiyao corpus search 党建 --format json --limit 5
              tiyao corpus stats
            """,
        subcommands: [CorpusIndex.self, CorpusAdd.self, CorpusList.self, CorpusStatsCommand.self, CorpusSearch.self]
    )
}

/// Where the corpus database is.
struct CorpusOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Corpus database (default: \(CorpusStore.defaultPath)).", valueName: "path"))
    var db: String = CorpusStore.defaultPath

    /// Opens the store; creating it only when `create` (index, add).
    func store(create: Bool) throws -> CorpusStore {
        do { return try CorpusStore(path: db, create: create) } catch let failure as CorpusStore.Failure {
            throw CLIError.input("\(failure)")
        } catch {
            throw CLIError.output("cannot create \(db): \(error.localizedDescription)")
        }
    }

    /// Runs a store operation, turning SQLite failures into a one-line error: reading
    /// failures are bad input (2), writing failures are output errors (4).
    func run<T>(writing: Bool, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as CLIError {
            throw error
        } catch let failure as CorpusFiles.Failure {
            throw CLIError.input("\(failure)")
        } catch let failure as CorpusStore.QueryError {
            throw CLIError.input("\(failure)")
        } catch {
            // SQLite's own errors ("database is locked", "disk I/O error", "file is not a database").
            let message = "\(db): \(error)"
            throw writing ? CLIError.output(message) : CLIError.input(message)
        }
    }
}

enum CorpusFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Shared by `index` and `add`: reads the files into the store and prints the summary line.
enum CorpusIndexing {
    static func run(_ files: [CorpusFiles.File], scopes: [String]?, options: CorpusOptions, library: LibraryOptions,
                    format: CorpusFormat) throws -> CorpusStore.IndexSummary {
        let analyzer: CorpusAnalyzer
        do { analyzer = try CorpusAnalyzer(templates: library.library()) } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError.template("\(error)")
        }
        let store = try options.store(create: true)
        let bar = ProgressBar(label: "indexing")
        let started = Date()
        let summary = try options.run(writing: true) {
            defer { bar.finish() }
            let summary = try store.index(files, scopes: scopes, analyzer: analyzer) { bar.update($0, of: $1) }
            try store.checkpoint()
            return summary
        }
        for skipped in summary.skipped { Console.note("skipped \(skipped.path): \(skipped.reason)") }
        switch format {
        case .text:
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            try Output.write("\(files.count) files: \(summary.line) in \(seconds) s (\(options.db))\n")
        case .json:
            try Output.write(Output.json(summary))
        }
        return summary
    }
}

struct CorpusAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Index the named files (any extension); unchanged ones are skipped.",
        discussion: """
              tiyao corpus add ~/Downloads/report.txt
            """
    )

    @Argument(help: ArgumentHelp("Text files to index.", valueName: "file")) var files: [String]
    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var library: LibraryOptions
    @Option(help: "Output format of the summary.") var format: CorpusFormat = .text

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file to add") }
    }

    func run() throws {
        try guarded {
            let files = try corpus.run(writing: false) { try self.files.map(CorpusFiles.file) }
            let summary = try CorpusIndexing.run(files, scopes: nil, options: corpus, library: library, format: format)
            if let first = summary.skipped.first {
                throw CLIError.input("\(first.path): \(first.reason)")
            }
        }
    }
}

struct CorpusList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the indexed documents: path, date, script, sentences, title."
    )

    @OptionGroup var corpus: CorpusOptions
    @Option(help: "Output format.") var format: CorpusFormat = .text

    func run() throws {
        try guarded {
            let store = try corpus.store(create: false)
            let documents = try corpus.run(writing: false) { try store.documents() }
            switch format {
            case .json:
                struct Listing: Encodable { var documents: [CorpusDocument] }
                try Output.write(Output.json(Listing(documents: documents)))
            case .text:
                try Output.write(documents.map { document in
                    [document.path, document.date ?? "-", document.script, "\(document.sentences)", document.title ?? "-"]
                        .joined(separator: "\t") + "\n"
                }.joined())
            }
        }
    }
}

struct CorpusStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count documents, sentences, headings and distinct terms; show the database size."
    )

    @OptionGroup var corpus: CorpusOptions
    @Option(help: "Output format.") var format: CorpusFormat = .text

    func run() throws {
        try guarded {
            let store = try corpus.store(create: false)
            let stats = try corpus.run(writing: false) { try store.stats() }
            switch format {
            case .json: try Output.write(Output.json(stats))
            case .text:
                let size = ByteCountFormatter.string(fromByteCount: Int64(stats.bytes), countStyle: .file)
                try Output.write("""
                    documents    \(stats.documents)
                    sentences    \(stats.sentences)
                    headings     \(stats.headings)
                    terms        \(stats.terms)
                    annotations  \(stats.annotations)
                    size         \(size) (\(stats.bytes) bytes, \(corpus.db))

                    """)
            }
        }
    }
}
