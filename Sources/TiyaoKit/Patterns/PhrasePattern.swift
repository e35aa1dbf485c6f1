/// One phrase pattern of the user's library (`templates/patterns/*.yaml`): how to
/// recognise a fixed phrase of the genre (an ICU regex with named slots) and how to
/// generate it again (a form with `{slot}` holes and fillers by theme).
public struct PhrasePattern: Sendable {
    public enum Scope: String, Sendable { case sentence, line }

    public struct Example: Sendable {
        public var text: String
        /// Slot values the match must produce (only those named are checked).
        public var slots: [String: String]
        public var line: Int
    }

    public var id: String
    public var name: String
    public var description: String
    public var scope: Scope
    public var regex: String
    /// Whether matching sentences are headings of a parallel series (used by the outline).
    public var heading: Bool
    /// Whether a match is a numbered slogan (提法) that announces members.
    public var slogan: Bool
    /// The slot holding the announced number (三 in 三抓三强, 四 in 四项工程).
    public var countSlot: String?
    /// Children of the slogan start with this text (抓 for 三抓三强).
    public var childPrefix: String?
    /// The slot whose characters each lead one child (望闻问切 in “望闻问切”四字诀).
    public var memberChars: String?
    /// Generation form, e.g. `把{obj}{vc},{goal}。`.
    public var generate: String?
    /// Slot fillers by theme for generation.
    public var fills: [String: [String: String]]
    public var vocabularies: [String: [String]]
    public var matchExamples: [Example]
    public var noMatchExamples: [Example]
    /// Where the pattern is defined, for `file:line` messages.
    public var file: String
    public var line: Int

    /// The slot names the regex declares.
    public var slotNames: [String] { ICURegex.declaredGroupNames(in: regex) }

    /// Fills the generation form; nil when a slot has no value.
    public func render(_ values: [String: String]) -> String? {
        guard let generate else { return nil }
        var result = ""
        var rest = generate[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { return nil }
            let name = String(rest[rest.index(after: open)..<close])
            guard let value = values[name] else { return nil }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
