import Foundation

/// A user-extensible set of domain terms (one a line in `templates/lexicon.txt`),
/// stored as a trie over UTF-16 units for longest-match lookup.
public struct Lexicon: Sendable {
    private var nodes: [[UInt16: Int32]] = [[:]]
    private var terminal: [Bool] = [false]
    public private(set) var count = 0

    public init(terms: some Sequence<String> = []) {
        for term in terms { insert(term) }
    }

    /// Reads a lexicon file: one term a line; `#` starts a comment; blank lines ignored.
    public init(contentsOf text: String) {
        self.init(terms: Self.entries(of: text))
    }

    /// The entries of a one-a-line list file (`#` comments, blank lines skipped).
    public static func entries(of text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { line -> String? in
            let entry = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                .trimmingCharacters(in: .whitespaces)
            return entry.isEmpty ? nil : entry
        }
    }

    public mutating func insert(_ term: String) {
        var node = 0
        for unit in term.utf16 {
            if let next = nodes[node][unit] {
                node = Int(next)
            } else {
                nodes.append([:])
                terminal.append(false)
                nodes[node][unit] = Int32(nodes.count - 1)
                node = nodes.count - 1
            }
        }
        if node != 0, !terminal[node] {
            terminal[node] = true
            count += 1
        }
    }

    /// Length (UTF-16 units) of the longest term starting at `start`, or 0.
    public func longestMatch(in text: [UInt16], at start: Int) -> Int {
        var node = 0, best = 0, i = start
        while i < text.count, let next = nodes[node][text[i]] {
            node = Int(next)
            i += 1
            if terminal[node] { best = i - start }
        }
        return best
    }

    /// Non-overlapping longest matches, left to right.
    public func matches(in text: [UInt16]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0
        while i < text.count {
            let length = nodes[0][text[i]] == nil ? 0 : longestMatch(in: text, at: i)
            if length > 0 {
                result.append(i..<(i + length))
                i += length
            } else {
                i += 1
            }
        }
        return result
    }

    public func contains(_ term: String) -> Bool {
        let units = Array(term.utf16)
        return !units.isEmpty && longestMatch(in: units, at: 0) == units.count
    }
}
