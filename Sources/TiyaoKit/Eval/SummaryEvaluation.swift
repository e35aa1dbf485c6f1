import Foundation

/// Char-level ROUGE of the summary methods on the evaluation sets, length-matched as in
/// `eval/PEERS.md`: each method takes k = 1, 2, … of its units until the summary (in
/// document order) reaches the reference's length in normalized characters.
///
/// Sets: `clts` (news articles with editor summaries, `clts-samples.jsonl`), `coretip`
/// (seed 001 without its 核心提示, against it), `outline` (each seed against its gold
/// headings of levels 1 and 2 joined). On `outline` the extra mode `outline` takes the
/// recovered headings of levels 1 and 2 in document order, length-matched the same way.
public struct SummaryEvaluation: Codable, Sendable {
    public struct Row: Codable, Sendable {
        public var set: String
        public var method: String
        public var items: Int
        public var score: Rouge.Score
        /// Each item's score and summary, in set order.
        public var details: [Detail]
    }

    public struct Detail: Codable, Sendable {
        public var item: String
        public var score: Rouge.Score
        public var summary: String
    }

    /// One item of a set: a document and its reference summary.
    public struct Item {
        public var name: String
        public var document: Document
        public var reference: String
    }

    public var rows: [Row]

    public init(rows: [Row]) { self.rows = rows }

    public func row(set: String, method: String) -> Row? { rows.first { $0.set == set && $0.method == method } }

    // MARK: Loading the sets

    /// `clts-samples.jsonl`: one object a line with `article` and `summary`.
    public static func cltsItems(_ url: URL, reader: DocumentReader) throws -> [Item] {
        let text = try SourceFile.read(url.path).text
        var items: [Item] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            struct Sample: Decodable { var article: String; var summary: String }
            let sample: Sample
            do { sample = try JSONDecoder().decode(Sample.self, from: Data(line.utf8)) } catch {
                throw SourceFile.Failure(path: url.path, reason: "line \(index + 1) is not a sample with article and summary")
            }
            items.append(Item(name: "clts-\(index + 1)", document: reader.read(sample.article, path: "\(url.path):\(index + 1)"),
                              reference: sample.summary))
        }
        return items
    }

    /// `001-without-core-tip.txt` against `001-core-tip.ref.txt`: every `NAME.ref.txt`
    /// whose document `PREFIX-without-*.txt` shares its prefix.
    public static func coreTipItems(_ directory: URL, reader: DocumentReader) throws -> [Item] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        var items: [Item] = []
        for reference in names where reference.hasSuffix(".ref.txt") {
            let prefix = String(reference.prefix { $0 != "-" })
            guard let documentName = names.first(where: { $0.hasPrefix(prefix + "-without") && $0.hasSuffix(".txt") }) else { continue }
            let path = directory.appendingPathComponent(documentName).path
            let decoded = try SourceFile.read(path)
            items.append(Item(name: documentName, document: reader.read(decoded.text, path: path, encoding: decoded.encoding),
                              reference: try SourceFile.read(directory.appendingPathComponent(reference).path).text))
        }
        return items
    }

    /// Seeds against their gold headings of levels 1 and 2, joined.
    public static func outlineItems(gold: URL, documents: URL, reader: DocumentReader) throws -> [Item] {
        struct Gold: Decodable {
            struct Heading: Decodable { var level: Int; var text: String }
            var document: String
            var headings: [Heading]?
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: gold.path).filter { $0.hasSuffix(".json") }.sorted()
        return try files.map { file in
            let url = gold.appendingPathComponent(file)
            let entry: Gold
            do { entry = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: url)) } catch {
                throw SourceFile.Failure(path: url.path, reason: "is not a gold structure file (\(error))")
            }
            let path = documents.appendingPathComponent(entry.document).path
            let decoded = try SourceFile.read(path)
            let reference = (entry.headings ?? []).filter { $0.level <= 2 }.map(\.text).joined(separator: "\n")
            return Item(name: entry.document, document: reader.read(decoded.text, path: path, encoding: decoded.encoding),
                        reference: reference)
        }
    }

    // MARK: Scoring

    /// The summary of `item` by `method`, length-matched to its reference: a budget of
    /// the reference's length, measured in normalized characters (`--chars` semantics).
    public static func summary(of item: Item, method: any SummaryMethod, summarizer: Summarizer, rouge: Rouge) -> String {
        let context = summarizer.context(item.document)
        let target = rouge.length(item.reference)
        let chosen = summarizer.select(context, method: method, budget: .characters(target)) { rouge.length(context.text($0)) }.units
        return chosen.map(context.text).joined(separator: "\n")
    }

    /// The recovered headings of levels 1 and 2 in document order, length-matched.
    public static func outlineSummary(of item: Item, rouge: Rouge) -> String {
        let target = rouge.length(item.reference)
        var texts: [String] = []
        var length = 0
        for heading in item.document.headings where heading.level <= 2 && length < target {
            texts.append(heading.text)
            length += rouge.length(heading.text)
        }
        return texts.joined(separator: "\n")
    }

    public static func score(set: String, items: [Item], methods: [any SummaryMethod], summarizer: Summarizer,
                             rouge: Rouge, outlineMode: Bool) -> [Row] {
        func row(_ name: String, _ summarize: (Item) -> String) -> Row {
            let details = items.map { item -> Detail in
                let text = summarize(item)
                return Detail(item: item.name, score: rouge.score(text, reference: item.reference), summary: text)
            }
            return Row(set: set, method: name, items: items.count, score: Rouge.Score.mean(details.map(\.score)), details: details)
        }
        var rows = methods.map { method in
            row(method.name) { summary(of: $0, method: method, summarizer: summarizer, rouge: rouge) }
        }
        if outlineMode { rows.append(row("outline") { outlineSummary(of: $0, rouge: rouge) }) }
        return rows
    }

    /// The table of means; with `details`, each item's scores and summary under its row.
    public func text(details: Bool = false) -> String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        var out = "set       method     items  R1     R2     RL\n"
        for row in rows {
            out += row.set.padding(toLength: 10, withPad: " ", startingAt: 0)
                + row.method.padding(toLength: 11, withPad: " ", startingAt: 0)
                + String(row.items).padding(toLength: 7, withPad: " ", startingAt: 0)
                + "\(f(row.score.r1))  \(f(row.score.r2))  \(f(row.score.rl))\n"
            guard details else { continue }
            for detail in row.details {
                out += "    \(detail.item)  \(f(detail.score.r1))  \(f(detail.score.r2))  \(f(detail.score.rl))\n"
                out += "      " + detail.summary.replacingOccurrences(of: "\n", with: "\n      ") + "\n"
            }
        }
        return out
    }
}
