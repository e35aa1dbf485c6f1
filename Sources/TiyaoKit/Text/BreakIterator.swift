import CICUShim

/// An ICU break iterator (sentence or word rules) reused across texts.
/// Not thread-safe: one per analyzer.
public final class BreakIterator {
    public enum Kind { case word, sentence }

    /// What the segment ending at a boundary is, from ICU's word rule status.
    public enum SegmentKind: Sendable { case none, number, letter, ideographic }

    private let handle: OpaquePointer
    private var boundaries: [Int32] = []
    private var statuses: [Int32] = []

    public init(_ kind: Kind, locale: String = "zh") throws {
        var status: Int32 = 0
        let raw = kind == .word ? Int32(TIYAO_BREAK_WORD) : Int32(TIYAO_BREAK_SENTENCE)
        guard let handle = tiyao_breaker_open(raw, locale, &status) else {
            throw ICUError(status: status, operation: "ubrk_open(\(kind))")
        }
        self.handle = handle
    }

    deinit { tiyao_breaker_close(handle) }

    /// Boundaries (UTF-16 offsets after 0, ending with `text.count`) with the kind of
    /// the segment each one closes.
    public func segments(_ text: [UInt16]) -> [(end: Int, kind: SegmentKind)] {
        guard !text.isEmpty else { return [] }
        let count = fill(text)
        return (0..<count).map { (Int(boundaries[$0]), Self.kind(of: statuses[$0])) }
    }

    /// Boundaries only (UTF-16 offsets after 0, ending with `text.count`).
    public func boundaries(_ text: [UInt16]) -> [Int] {
        guard !text.isEmpty else { return [] }
        let count = fill(text)
        return boundaries.prefix(count).map(Int.init)
    }

    private func fill(_ text: [UInt16]) -> Int {
        // Every boundary needs at least one unit, so text.count slots always suffice.
        if boundaries.count < text.count {
            boundaries = Array(repeating: 0, count: text.count)
            statuses = Array(repeating: 0, count: text.count)
        }
        var status: Int32 = 0
        let count = text.withUnsafeBufferPointer { t in
            boundaries.withUnsafeMutableBufferPointer { b in
                statuses.withUnsafeMutableBufferPointer { s in
                    tiyao_breaker_boundaries(handle, t.baseAddress, Int32(t.count), b.baseAddress,
                                             s.baseAddress, Int32(b.count), &status)
                }
            }
        }
        return status > 0 ? 0 : min(Int(count), text.count)
    }

    private static func kind(of ruleStatus: Int32) -> SegmentKind {
        switch ruleStatus {
        case 100..<200: return .number
        case 200..<300: return .letter
        case 300..<500: return .ideographic
        default: return .none
        }
    }
}
