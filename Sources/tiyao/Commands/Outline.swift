import ArgumentParser
import TiyaoKit

struct Outline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a document's own outline: title, headings by level, with line numbers.",
        discussion: """
            Finds numbered headings (一、 (一) 1. (1) 第一,), standalone and two-line headings,
            slogan headings (“三抓三强”:…), and unnumbered parallel points (a paragraph's first
            sentence or a short sentence inside it, when siblings share a shape).

              tiyao outline corpus/003_c80e7640dadc126c.txt
              tiyao outline report.txt --format json
              cat report.txt | tiyao outline - --format markdown
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try guarded {
            let document = try input.document(with: library.reader())
            let outline = TiyaoKit.Outline(document)
            switch output.format {
            case .text: try output.write(outline.text())
            case .markdown: try output.write(outline.markdown())
            case .json: try output.write(Output.json(outline))
            }
        }
    }
}
