/// A sparse vector over feature ids: ids ascending, weights of unit length (or all zero).
struct SparseVector: Sendable {
    var ids: [Int32] = []
    var weights: [Float] = []

    var isEmpty: Bool { ids.isEmpty }

    /// Builds a unit-length vector from (id, weight) pairs; repeated ids are summed.
    init(_ pairs: [(Int32, Float)]) {
        guard !pairs.isEmpty else { return }
        let sorted = pairs.sorted { $0.0 < $1.0 }
        ids.reserveCapacity(sorted.count)
        weights.reserveCapacity(sorted.count)
        for (id, weight) in sorted {
            if ids.last == id { weights[weights.count - 1] += weight } else { ids.append(id); weights.append(weight) }
        }
        normalize()
    }

    init() {}

    mutating func normalize() {
        var norm: Float = 0
        for w in weights { norm += w * w }
        guard norm > 0 else { return }
        let scale = 1 / norm.squareRoot()
        for k in weights.indices { weights[k] *= scale }
    }

    /// Cosine of two unit vectors: a merge over the sorted ids.
    static func dot(_ a: SparseVector, _ b: SparseVector) -> Float {
        var i = 0, j = 0, sum: Float = 0
        let n = a.ids.count, m = b.ids.count
        while i < n, j < m {
            let x = a.ids[i], y = b.ids[j]
            if x == y { sum += a.weights[i] * b.weights[j]; i += 1; j += 1 } else if x < y { i += 1 } else { j += 1 }
        }
        return sum
    }

    /// Number of ids both vectors hold (TextRank's overlap).
    static func overlap(_ a: SparseVector, _ b: SparseVector) -> Int {
        var i = 0, j = 0, count = 0
        while i < a.ids.count, j < b.ids.count {
            let x = a.ids[i], y = b.ids[j]
            if x == y { count += 1; i += 1; j += 1 } else if x < y { i += 1 } else { j += 1 }
        }
        return count
    }

    /// The normalized sum of vectors (a centroid), through a dense scratch table of `dimension` ids.
    static func centroid(_ vectors: some Sequence<SparseVector>, dimension: Int) -> SparseVector {
        var dense = [Float](repeating: 0, count: dimension)
        var touched: [Int32] = []
        for vector in vectors {
            for (id, weight) in zip(vector.ids, vector.weights) {
                if dense[Int(id)] == 0 { touched.append(id) }
                dense[Int(id)] += weight
            }
        }
        return SparseVector(touched.map { ($0, dense[Int($0)]) })
    }
}
