import Foundation

/// Compares recovered outlines with hand-read gold files (`eval/gold/*.json`):
/// precision, recall and F1 of headings per level, and whether the title is right.
public struct StructureEvaluation: Codable, Sendable {
    public struct Score: Codable, Sendable {
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var predicted: Int
        public var gold: Int
        public var matched: Int

        init(predicted: Int, gold: Int, matched: Int) {
            self.predicted = predicted
            self.gold = gold
            self.matched = matched
            // Nothing to find and nothing found is perfect.
            precision = predicted == 0 ? (gold == 0 ? 1 : 0) : Double(matched) / Double(predicted)
            recall = gold == 0 ? (predicted == 0 ? 1 : 0) : Double(matched) / Double(gold)
            f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
    }

    public struct DocumentResult: Codable, Sendable {
        public var document: String
        public var level1: Score
        public var level2: Score
        public var titleCorrect: Bool
        /// Captions, bylines and chrome lines (from the gold) reported as headings.
        public var furnitureAsHeadings: [String]
        public var missed: [String]
        public var spurious: [String]
    }

    public var documents: [DocumentResult]
    public var meanLevel1F1: Double
    public var meanLevel2F1: Double
    public var titleAccuracy: Double

    struct Gold: Decodable {
        struct Heading: Decodable { var level: Int; var text: String }
        var document: String
        var title: String?
        var headings: [Heading]?
        var captions: [String]?
        var boilerplate: [String]?
        var byline: [String]?
    }

    /// Evaluates every gold file in `goldDirectory` against the document of the same
    /// name in `documentsDirectory`.
    public static func run(gold goldDirectory: URL, documents documentsDirectory: URL, reader: DocumentReader) throws -> StructureEvaluation {
        let files = try FileManager.default.contentsOfDirectory(atPath: goldDirectory.path).filter { $0.hasSuffix(".json") }.sorted()
        guard !files.isEmpty else {
            throw SourceFile.Failure(path: goldDirectory.path, reason: "holds no gold .json files")
        }
        let normalizer = EvalText(converter: reader.converter)
        var results: [DocumentResult] = []
        for file in files {
            let goldURL = goldDirectory.appendingPathComponent(file)
            let gold: Gold
            do { gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: goldURL)) } catch {
                throw SourceFile.Failure(path: goldURL.path, reason: "is not a gold structure file (\(error))")
            }
            let path = documentsDirectory.appendingPathComponent(gold.document).path
            let decoded = try SourceFile.read(path)
            let document = reader.read(decoded.text, path: path, encoding: decoded.encoding)
            results.append(evaluate(document, against: gold, normalizer: normalizer))
        }
        let count = Double(results.count)
        return StructureEvaluation(
            documents: results,
            meanLevel1F1: results.map(\.level1.f1).reduce(0, +) / count,
            meanLevel2F1: results.map(\.level2.f1).reduce(0, +) / count,
            titleAccuracy: Double(results.filter(\.titleCorrect).count) / count)
    }

    static func evaluate(_ document: Document, against gold: Gold, normalizer: EvalText) -> DocumentResult {
        func score(level: Int, missed: inout [String], spurious: inout [String]) -> Score {
            // Matching is one-to-one on normalized text (a multiset intersection).
            var remaining: [String: Int] = [:]
            let goldTexts = (gold.headings ?? []).filter { $0.level == level }.map(\.text)
            for text in goldTexts { remaining[normalizer.normalize(text), default: 0] += 1 }
            var matched = 0
            let predicted = document.headings.filter { $0.level == level }
            for heading in predicted {
                let key = normalizer.normalize(heading.text)
                if let left = remaining[key], left > 0 {
                    remaining[key] = left - 1
                    matched += 1
                } else {
                    spurious.append("L\(level) \(heading.text)")
                }
            }
            for text in goldTexts where (remaining[normalizer.normalize(text)] ?? 0) > 0 {
                remaining[normalizer.normalize(text)]! -= 1
                missed.append("L\(level) \(text)")
            }
            return Score(predicted: predicted.count, gold: goldTexts.count, matched: matched)
        }
        var missed: [String] = [], spurious: [String] = []
        let level1 = score(level: 1, missed: &missed, spurious: &spurious)
        let level2 = score(level: 2, missed: &missed, spurious: &spurious)
        let predictedTitle = document.title.map { normalizer.normalize($0.text) }
        let goldTitle = gold.title.map { normalizer.normalize($0) }
        let furniture = Set(((gold.captions ?? []) + (gold.boilerplate ?? []) + (gold.byline ?? [])).map(normalizer.normalize))
        let furnitureAsHeadings = document.headings.map(\.text).filter { furniture.contains(normalizer.normalize($0)) }
        return DocumentResult(document: gold.document, level1: level1, level2: level2,
                              titleCorrect: predictedTitle == goldTitle, furnitureAsHeadings: furnitureAsHeadings,
                              missed: missed, spurious: spurious)
    }

    public func text() -> String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        var out = "document                        L1 P / R / F1           L2 P / R / F1           title\n"
        for r in documents {
            let name = r.document.padding(toLength: 30, withPad: " ", startingAt: 0)
            out += "\(name)  \(f(r.level1.precision)) \(f(r.level1.recall)) \(f(r.level1.f1))   \(f(r.level2.precision)) \(f(r.level2.recall)) \(f(r.level2.f1))   \(r.titleCorrect ? "ok" : "WRONG")\n"
            for line in r.missed { out += "    missed   \(line)\n" }
            for line in r.spurious { out += "    spurious \(line)\n" }
            for line in r.furnitureAsHeadings { out += "    furniture reported as heading: \(line)\n" }
        }
        out += "mean L1 F1 \(f(meanLevel1F1))   mean L2 F1 \(f(meanLevel2F1))   title accuracy \(f(titleAccuracy))\n"
        return out
    }
}
