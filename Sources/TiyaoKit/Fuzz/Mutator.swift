/// Deterministic input mutations for fuzzing, seeded from real documents: byte-level
/// damage (exercising the decoder) and structure-level edits (punctuation, quotes,
/// numbering, line breaks, huge repetitions) that stress the parser.
public struct Mutator {
    /// SplitMix64: small, fast, and the same sequence on every machine.
    public struct Random: RandomNumberGenerator {
        var state: UInt64
        public init(seed: UInt64) { state = seed }
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    let seeds: [[UInt8]]
    var random: Random

    public init(seeds: [[UInt8]], seed: UInt64) {
        self.seeds = seeds.filter { !$0.isEmpty }
        random = Random(seed: seed)
    }

    /// Pieces of the genre worth splicing in.
    static let fragments: [[UInt8]] = [
        "。", "?", "!", "……", ",", ",", "、", ";", ":", "“", "”", "(", ")", "(", ")", "\n", "\r\n", "\n\n",
        "一、", "(一)", "1.", "(1)", "第一,", "第一章", "“三抓三强”:", "“四项工程”", "■", "图为", "摄", "核心提示",
        "尊敬的各位领导,同志们:", "汇报完毕,谢谢。", "把旗帜举高扛稳,", "以常学常新“求实”。", "\u{FEFF}", "\u{3000}", " ",
        "𠀀", "\u{200B}", "5879个", "11万多名", "75%", "2024年", "查看", "评论0",
    ].map { Array($0.utf8) }

    public mutating func next() -> [UInt8] {
        guard !seeds.isEmpty else { return [] }
        let source = seeds[Int(random.next() % UInt64(seeds.count))]
        let length = 1 + Int(random.next() % UInt64(min(source.count, 4096)))
        var start = Int(random.next() % UInt64(source.count - length + 1))
        var end = start + length
        // Usually cut on character boundaries, so most inputs decode and reach the parser.
        if random.next() % 8 != 0 {
            while start < end, (0x80...0xBF).contains(source[start]) { start += 1 }
            while end < source.count, (0x80...0xBF).contains(source[end]) { end += 1 }
        }
        var bytes = Array(source[start..<end])
        for _ in 0..<(1 + Int(random.next() % 8)) { mutate(&bytes) }
        return bytes
    }

    /// The first UTF-8 character boundary at or after `index`.
    static func boundary(_ bytes: [UInt8], _ index: Int) -> Int {
        var index = min(index, bytes.count)
        while index < bytes.count, (0x80...0xBF).contains(bytes[index]) { index += 1 }
        return index
    }

    mutating func mutate(_ bytes: inout [UInt8]) {
        // Edits happen on character boundaries; only cases 0–1 damage bytes on purpose.
        let position = Self.boundary(bytes, bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count + 1)))
        switch random.next() % 20 {
        case 0:  // flip a byte
            if !bytes.isEmpty { bytes[min(position, bytes.count - 1)] ^= UInt8(truncatingIfNeeded: random.next() | 1) }
        case 1:  // insert random bytes
            bytes.insert(contentsOf: (0..<(1 + random.next() % 4)).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: position)
        case 2, 3:  // delete a range
            let end = Self.boundary(bytes, position + 1 + Int(random.next() % 64))
            bytes.removeSubrange(position..<end)
        case 4, 5, 6:  // duplicate a range many times (long lines, repeated series)
            let piece = Array(bytes[position..<Self.boundary(bytes, position + 1 + Int(random.next() % 48))])
            let times = 1 + Int(random.next() % 64)
            bytes.insert(contentsOf: Array(repeating: piece, count: times).joined(), at: position)
        case 7...14:  // splice a genre fragment
            bytes.insert(contentsOf: Self.fragments[Int(random.next() % UInt64(Self.fragments.count))], at: position)
        case 15, 16, 17:  // splice a piece of another document
            let other = seeds[Int(random.next() % UInt64(seeds.count))]
            let lower = Self.boundary(other, Int(random.next() % UInt64(other.count)))
            bytes.insert(contentsOf: other[lower..<Self.boundary(other, lower + 1 + Int(random.next() % 512))], at: position)
        default:  // drop every line break, or turn a comma into a line break
            if random.next() % 2 == 0 {
                bytes.removeAll { $0 == 0x0A }
            } else if let comma = bytes.firstIndex(of: 0x2C) {
                bytes[comma] = 0x0A
            }
        }
    }
}
