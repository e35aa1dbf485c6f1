import ArgumentParser
import Foundation
import TiyaoKit

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Throughput of outline and summarize on the inputs concatenated N times.",
        discussion: """
            Reads the files, joins them, repeats the text --repeat times, warms up on one copy,
            then times (in process) reading + structure + outline, and reading + structure +
            summary (sentences, figures, slogans, keyphrases) with the default budget, and every
            phrase pattern with slogans and parallel series on the parsed text.

              swift build -c release && .build/release/tiyao bench corpus/*.txt --repeat 20
            """
    )

    @Argument(help: ArgumentHelp("Text files to concatenate.", valueName: "file")) var files: [String]
    @Option(help: ArgumentHelp("How many times to repeat the concatenated text.", valueName: "n")) var `repeat`: Int = 20
    @Option(help: ArgumentHelp("Timed runs of each stage (the best is reported).", valueName: "n")) var runs: Int = 3
    @Option(help: ArgumentHelp("Corpus directory for IDF (default: ./corpus when it exists).", valueName: "dir")) var corpus: String?
    @OptionGroup var library: LibraryOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one file") }
        guard `repeat` >= 1 else { throw ValidationError("--repeat must be at least 1") }
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
    }

    func run() throws {
        try guarded {
            let toolkit = try library.toolkit()
            let templates = toolkit.templates
            let reader = toolkit.reader
            let summarizer = try SummarizerOptions.summarizer(templates: templates, reader: reader, corpus: corpus)
            var parts: [String] = []
            for file in files {
                do { parts.append(try SourceFile.read(file).text) } catch { throw CLIError.input("\(error)") }
            }
            let once = parts.joined(separator: "\n")
            let text = Array(repeating: once, count: `repeat`).joined(separator: "\n")
            let characters = text.unicodeScalars.count

            // Warm-up: caches of the script converter, ICU dictionaries, the corpus statistics.
            _ = summarizer.summarize(reader.read(once))

            func time(_ body: () -> Void) -> Double {
                var best = Double.infinity
                for _ in 0..<runs {
                    let start = DispatchTime.now().uptimeNanoseconds
                    body()
                    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                }
                return best
            }
            var sentences = 0, headings = 0, selected = 0, matches = 0
            let outline = time {
                let document = reader.read(text)
                headings = TiyaoKit.Outline(document).headings.count
                sentences = document.sentences.count
            }
            let summarize = time {
                selected = summarizer.summarize(reader.read(text)).sentences.count
            }
            let document = reader.read(text)
            let patterns = time {
                matches = (try? PatternReport(document: document, engine: toolkit.engine))?.matches.count ?? 0
            }
            func rate(_ seconds: Double) -> String { String(format: "%10.0f chars/s  %7.3f s", Double(characters) / seconds, seconds) }
            var out = "input      \(files.count) file(s) × \(`repeat`) = \(characters) characters, \(sentences) sentences\n"
            out += "outline    \(rate(outline))   (\(headings) headings)\n"
            out += "summarize  \(rate(summarize))   (\(selected) sentences selected)\n"
            out += "patterns   \(rate(patterns))   (\(matches) matches, all patterns, on the parsed text)\n"
            try Output.write(out)
        }
    }
}
