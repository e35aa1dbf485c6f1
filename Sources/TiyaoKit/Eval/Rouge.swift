/// Character-level ROUGE (Lin 2004) for Chinese: texts are compared after `EvalText`
/// normalization (NFKC, traditional → simplified, whitespace and punctuation dropped), one
/// character a token, so a non-ASCII text is scored like any other.
public struct Rouge {
    public struct Score: Codable, Sendable, Equatable {
        /// F1 of character unigrams, bigrams, and of the longest common subsequence.
        public var r1: Double
        public var r2: Double
        public var rl: Double

        public init(r1: Double, r2: Double, rl: Double) {
            self.r1 = r1
            self.r2 = r2
            self.rl = rl
        }

        /// The mean of scores (zeros for none).
        public static func mean(_ scores: [Score]) -> Score {
            guard !scores.isEmpty else { return Score(r1: 0, r2: 0, rl: 0) }
            let n = Double(scores.count)
            return Score(r1: scores.map(\.r1).reduce(0, +) / n, r2: scores.map(\.r2).reduce(0, +) / n,
                         rl: scores.map(\.rl).reduce(0, +) / n)
        }
    }

    let normalizer: EvalText

    public init(normalizer: EvalText) { self.normalizer = normalizer }

    /// ROUGE-1/2/L F1 of a candidate against a reference, on normalized characters.
    public func score(_ candidate: String, reference: String) -> Score {
        Self.score(Array(normalizer.normalize(candidate).unicodeScalars), Array(normalizer.normalize(reference).unicodeScalars))
    }

    /// Length of a text as the evaluation counts it (normalized characters).
    public func length(_ text: String) -> Int { normalizer.normalize(text).unicodeScalars.count }

    /// ROUGE on already normalized character sequences.
    public static func score<T: Hashable>(_ candidate: [T], _ reference: [T]) -> Score {
        Score(r1: ngramF1(candidate, reference, n: 1), r2: ngramF1(candidate, reference, n: 2),
              rl: lcsF1(candidate, reference))
    }

    /// F1 of n-gram overlap, counts clipped (a reference n-gram matches at most as often as it occurs).
    public static func ngramF1<T: Hashable>(_ candidate: [T], _ reference: [T], n: Int) -> Double {
        guard candidate.count >= n, reference.count >= n else { return 0 }
        var counts: [ArraySlice<T>: Int] = [:]
        for i in 0...(reference.count - n) { counts[reference[i..<(i + n)], default: 0] += 1 }
        var overlap = 0
        for i in 0...(candidate.count - n) {
            let gram = candidate[i..<(i + n)]
            if let left = counts[gram], left > 0 {
                counts[gram] = left - 1
                overlap += 1
            }
        }
        return f1(overlap, candidate.count - n + 1, reference.count - n + 1)
    }

    /// F1 of the longest common subsequence (ROUGE-L, β = 1).
    public static func lcsF1<T: Hashable>(_ candidate: [T], _ reference: [T]) -> Double {
        f1(lcs(candidate, reference), candidate.count, reference.count)
    }

    /// Length of the longest common subsequence, in two rows of memory.
    public static func lcs<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int32](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for (j, y) in b.enumerated() {
                current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            swap(&previous, &current)
        }
        return Int(previous[b.count])
    }

    static func f1(_ overlap: Int, _ candidateCount: Int, _ referenceCount: Int) -> Double {
        guard overlap > 0, candidateCount > 0, referenceCount > 0 else { return 0 }
        let precision = Double(overlap) / Double(candidateCount)
        let recall = Double(overlap) / Double(referenceCount)
        return 2 * precision * recall / (precision + recall)
    }
}
