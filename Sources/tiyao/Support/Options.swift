import ArgumentParser
import Foundation
import TiyaoKit

/// Where the template library is (`templates/` by default).
struct LibraryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Template library directory (lexicon, rules, patterns, themes, drafts).", valueName: "dir"))
    var templates: String?

    func library() throws -> Templates {
        do { return try Templates.locate(templates) } catch { throw CLIError.template("\(error)") }
    }

    func toolkit() throws -> Toolkit {
        let library = try library()
        do { return try Toolkit(templates: library) } catch { throw CLIError.template("\(error)") }
    }

    func reader() throws -> DocumentReader { try toolkit().reader }
}

/// One input document.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Text file to read, or '-' for standard input.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Force the input encoding (utf-8, gb18030, gbk, big5, utf-16le, utf-16be).", valueName: "name"))
    var encoding: String?

    func document(with reader: DocumentReader) throws -> Document {
        try CLIError.readDocument(file, encoding: encoding, reader: reader)
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
}

/// Where a command's output goes: stdout, or a file written atomically.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Output format: text, markdown or json.", valueName: "format"))
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Write to this file (atomically: a temp file, then a rename) instead of stdout.", valueName: "path"))
    var out: String?

    func write(_ text: String) throws { try Output.write(text, to: out) }
}

/// The corpus store (`tiyao corpus index`), used by summarize, brief and draft when it exists.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Corpus database to draw on (default: \(CorpusStore.defaultPath) when it exists).", valueName: "path"))
    var db: String?

    /// The store, if one was given or the default one exists; nil otherwise.
    func store() throws -> CorpusStore? {
        let path = db ?? CorpusStore.defaultPath
        guard db != nil || FileManager.default.fileExists(atPath: path) else { return nil }
        do { return try CorpusStore(path: path, create: false) } catch { throw CLIError.input("\(error)") }
    }
}
