import Foundation

/// A seeded mutation-fuzzing run over decoding, segmentation, structure, patterns and
/// (through `checks`) whatever else the caller adds, such as summarization. Crashes
/// stop the process (the harness prints the seed and iteration to replay); broken
/// invariants are collected with the input that broke them.
public struct FuzzCampaign {
    public struct Failure {
        public var iteration: Int
        public var input: [UInt8]
        public var message: String
    }

    public struct Result {
        public var iterations = 0
        public var decoded = 0
        public var rejected = 0
        public var failures: [Failure] = []
        public var slowestSeconds = 0.0
        public var seconds = 0.0
    }

    /// Extra checks on each decoded document; return violations.
    public typealias Check = (Document) throws -> [String]

    public let toolkit: Toolkit
    public var checks: [Check] = []

    public init(toolkit: Toolkit) { self.toolkit = toolkit }

    /// Reads the seed inputs (every .txt file of a directory) as bytes.
    public static func seeds(in directory: URL) throws -> [[UInt8]] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { [UInt8](try Data(contentsOf: directory.appendingPathComponent($0))) }
    }

    /// - Parameters:
    ///   - onIteration: called before each input (for progress and a hang watchdog).
    ///   - onFailure: called at once for each broken invariant (so none is lost if the run stops).
    public func run(iterations: Int, seed: UInt64, seeds: [[UInt8]],
                    onIteration: (Int, [UInt8]) -> Void = { _, _ in },
                    onFailure: (Failure) -> Void = { _ in }) -> Result {
        var mutator = Mutator(seeds: seeds, seed: seed)
        var result = Result()
        let start = Date()
        for iteration in 0..<iterations {
            let input = mutator.next()
            onIteration(iteration, input)
            let began = Date()
            defer {
                result.iterations += 1
                result.slowestSeconds = max(result.slowestSeconds, Date().timeIntervalSince(began))
            }
            guard let decoded = try? TextDecoder.decode(Data(input)) else { result.rejected += 1; continue }
            result.decoded += 1
            let document = toolkit.reader.read(decoded.text, path: "fuzz", encoding: decoded.encoding)
            var problems = Invariants.violations(of: document)
            do {
                let report = try PatternReport(document: document, engine: toolkit.engine)
                problems += Invariants.violations(citing: report.matches.map { ($0.text, $0.line) }, in: document)
                for check in checks { problems += try check(document) }
            } catch is PatternEngine.TimeLimitExceeded {
                // A pattern hitting its time limit is the documented behaviour, not a failure.
            } catch {
                problems.append("error: \(error)")
            }
            for problem in problems {
                let failure = Failure(iteration: iteration, input: input, message: problem)
                onFailure(failure)
                result.failures.append(failure)
            }
        }
        result.seconds = Date().timeIntervalSince(start)
        return result
    }
}
