import CICUShim

/// An ICU regular expression with named groups and a time limit per match, so that a
/// user's catastrophic pattern fails with an error instead of hanging the tool.
/// Not thread-safe (it owns one ICU matcher).
public final class ICURegex {
    public struct Match: Sendable {
        /// UTF-16 range of the whole match.
        public var range: Range<Int>
        /// UTF-16 ranges of the named groups that took part.
        public var groups: [String: Range<Int>]
    }

    public enum Failure: Error, CustomStringConvertible, Sendable {
        case syntax(offset: Int, name: String)
        case timeLimit
        case icu(String)

        public var description: String {
            switch self {
            case let .syntax(offset, name): return "regex syntax error at offset \(offset) (\(name))"
            case .timeLimit: return "regex exceeded its time limit (catastrophic backtracking?)"
            case let .icu(name): return "regex failed: \(name)"
            }
        }
    }

    public let pattern: String
    public let groupNames: [String]
    private let handle: OpaquePointer
    private let groupNumbers: [(String, Int)]
    private let groupCount: Int
    private var bounds: [Int32]

    /// - Parameter timeLimit: ICU match-engine steps per match (about 1 ms each thousands).
    public init(_ pattern: String, timeLimit: Int32 = 20_000, caseInsensitive: Bool = false) throws {
        self.pattern = pattern
        let units = Array(pattern.utf16)
        var status: Int32 = 0, errorOffset: Int32 = 0
        let flags: UInt32 = caseInsensitive ? 2 : 0  // UREGEX_CASE_INSENSITIVE
        guard let handle = tiyao_regex_open(units, Int32(units.count), flags, &errorOffset, &status) else {
            throw Failure.syntax(offset: Int(errorOffset), name: String(cString: tiyao_error_name(status)))
        }
        self.handle = handle
        tiyao_regex_set_time_limit(handle, timeLimit, &status)
        groupCount = Int(tiyao_regex_group_count(handle, &status))
        bounds = Array(repeating: -1, count: 2 * (groupCount + 1))
        let names = ICURegex.declaredGroupNames(in: pattern)
        groupNumbers = names.compactMap { name in
            let nameUnits = Array(name.utf16)
            let number = tiyao_regex_group_number(handle, nameUnits, Int32(nameUnits.count))
            return number > 0 ? (name, Int(number)) : nil
        }
        groupNames = groupNumbers.map(\.0)
    }

    deinit { tiyao_regex_close(handle) }

    /// All non-overlapping matches in `text` (at most `limit`).
    public func matches(in text: [UInt16], limit: Int = .max) throws -> [Match] {
        var status: Int32 = 0
        tiyao_regex_set_text(handle, text, Int32(text.count), &status)
        if status > 0 { throw Failure.icu(String(cString: tiyao_error_name(status))) }
        var result: [Match] = []
        while result.count < limit {
            let found = tiyao_regex_find_next(handle, &bounds, Int32(bounds.count), &status)
            if status > 0 {
                let name = String(cString: tiyao_error_name(status))
                throw name == "U_REGEX_TIME_OUT" ? Failure.timeLimit : Failure.icu(name)
            }
            guard found == 1 else { break }
            var groups: [String: Range<Int>] = [:]
            for (name, number) in groupNumbers {
                let lower = Int(bounds[2 * number]), upper = Int(bounds[2 * number + 1])
                if lower >= 0, upper >= lower { groups[name] = lower..<upper }
            }
            result.append(Match(range: Int(bounds[0])..<Int(bounds[1]), groups: groups))
        }
        return result
    }

    public func matches(in string: String) throws -> [Match] { try matches(in: Array(string.utf16)) }

    public func firstMatch(in text: [UInt16]) throws -> Match? { try matches(in: text, limit: 1).first }

    /// Names declared as `(?<name>…)` in the pattern, in order.
    static func declaredGroupNames(in pattern: String) -> [String] {
        var names: [String] = []
        var chars = Array(pattern)[...]
        while let open = chars.firstIndex(of: "(") {
            let after = chars[(open + 1)...]
            if after.starts(with: ["?", "<"]), let close = after.firstIndex(of: ">") {
                let name = String(after[(after.startIndex + 2)..<close])
                if !name.isEmpty, name.first != "=", name.first != "!", (open == 0 || chars[open - 1] != "\\") {
                    names.append(name)
                }
            }
            chars = chars[(open + 1)...]
        }
        return names
    }
}
