import ArgumentParser
import Foundation
import TiyaoKit

struct CorpusIndex: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Index the .txt files under folders (default: corpus), incrementally.",
        discussion: """
            A file whose content (SHA-256) is unchanged since it was indexed is skipped; a changed
            one is re-indexed; an indexed file that is no longer under the folder is dropped.
            Files are written 200 to a transaction, so an interrupted run can simply be run again.
            A change to the structure rules or lexicon re-indexes everything.

              tiyao corpus index
              tiyao corpus index reports/2024 reports/2025 --db /tmp/reports.sqlite
            """
    )

    @Argument(help: ArgumentHelp("Folders to index (or single files).", valueName: "dir")) var directories: [String] = ["corpus"]
    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var library: LibraryOptions
    @Option(help: "Output format of the summary.") var format: CorpusFormat = .text

    func run() throws {
        try guarded {
            var files: [CorpusFiles.File] = []
            var scopes: [String] = []
            try corpus.run(writing: false) {
                for directory in directories {
                    var isDirectory: ObjCBool = false
                    if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
                        files.append(try CorpusFiles.file(directory))
                    } else {
                        files += try CorpusFiles.files(in: directory)
                        scopes.append(CorpusFiles.scope(of: directory))
                    }
                }
            }
            _ = try CorpusIndexing.run(files, scopes: scopes, options: corpus, library: library, format: format)
        }
    }
}
