import ArgumentParser

@main
struct Tiyao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tiyao",
        abstract: "提要 — outlines, summaries, slogans, briefings and speech drafts from Chinese official reports.",
        discussion: """
            Every sentence tiyao prints comes from an input file (cited as file:line) or from a
            template you wrote. Files may be UTF-8 (with or without BOM), UTF-16, GB18030/GBK or
            Big5; '-' reads standard input.

            Exit codes: 0 ok; 2 bad input (missing, unreadable, binary or undecodable file);
            3 template, pattern or rule file error; 4 output could not be written; 64 usage error.
            """,
        subcommands: [Outline.self, Summarize.self, Patterns.self, Brief.self, Draft.self, Corpus.self, TemplatesCommand.self, Eval.self, Bench.self]
    )
}
