import Yams

/// Parses one pattern file (YAML) into patterns, keeping line numbers for messages.
enum PatternFile {
    /// The patterns of a file and a problem for each entry that is not a valid pattern.
    /// A file that is not YAML at all, or has no `patterns:` list, throws.
    static func parse(_ text: String, file: String) throws -> (patterns: [PhrasePattern], problems: [TemplateError]) {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw TemplateError(file: file, line: yamlLine(of: error), message: "not valid YAML: \(yamlProblem(of: error))")
        }
        guard let root, let list = root["patterns"]?.sequence else {
            throw TemplateError(file: file, line: 1, message: "expected a top-level 'patterns:' list")
        }
        var patterns: [PhrasePattern] = [], problems: [TemplateError] = []
        for node in list {
            do { patterns.append(try pattern(node, file: file)) } catch let error as TemplateError {
                problems.append(error)
            }
        }
        return (patterns, problems)
    }

    static func pattern(_ node: Node, file: String) throws -> PhrasePattern {
        let line = node.mark?.line ?? 1
        func fail(_ message: String, at: Node? = nil) -> TemplateError {
            TemplateError(file: file, line: at?.mark?.line ?? line, message: message)
        }
        guard node.mapping != nil else { throw fail("a pattern must be a mapping with id, name, regex …") }
        func string(_ key: String, required: Bool = false) throws -> String? {
            guard let value = node[key] else {
                if required { throw fail("pattern is missing '\(key)'") }
                return nil
            }
            guard let scalar = value.string else { throw fail("'\(key)' must be a string", at: value) }
            return scalar
        }
        func bool(_ key: String) throws -> Bool {
            guard let value = node[key] else { return false }
            guard let flag = value.bool else { throw fail("'\(key)' must be true or false", at: value) }
            return flag
        }
        let id = try string("id", required: true)!
        guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw fail("id '\(id)' may use only letters, digits, - and _")
        }
        let scopeText = try string("scope") ?? "sentence"
        guard let scope = PhrasePattern.Scope(rawValue: scopeText) else {
            throw fail("scope must be 'sentence' or 'line', not '\(scopeText)'", at: node["scope"])
        }
        var fills: [String: [String: String]] = [:]
        if let fillNode = node["fills"] {
            guard let mapping = fillNode.mapping else { throw fail("'fills' maps a theme to slot values", at: fillNode) }
            for (theme, values) in mapping {
                guard let themeName = theme.string, let slotMap = values.mapping else {
                    throw fail("'fills' maps a theme to slot values", at: values)
                }
                var slots: [String: String] = [:]
                for (slot, value) in slotMap {
                    guard let slotName = slot.string, let text = value.string else { throw fail("slot values are strings", at: value) }
                    slots[slotName] = text
                }
                fills[themeName] = slots
            }
        }
        var vocabularies: [String: [String]] = [:]
        if let vocabularyNode = node["vocabularies"]?.mapping {
            for (slot, words) in vocabularyNode {
                vocabularies[slot.string ?? ""] = words.sequence?.compactMap(\.string) ?? []
            }
        }
        let examples = node["examples"]
        return PhrasePattern(
            id: id,
            name: try string("name", required: true)!,
            description: try string("description") ?? "",
            scope: scope,
            regex: try string("regex", required: true)!,
            heading: try bool("heading"),
            slogan: try bool("slogan"),
            countSlot: try string("count"),
            childPrefix: try string("child_prefix"),
            memberChars: try string("member_chars"),
            generate: try string("generate"),
            fills: fills,
            vocabularies: vocabularies,
            matchExamples: try Self.examples(examples?["match"], file: file),
            noMatchExamples: try Self.examples(examples?["no_match"], file: file),
            file: file,
            line: line)
    }

    /// Examples are strings, or mappings `{text: …, slots: {name: value}}`.
    static func examples(_ node: Node?, file: String) throws -> [PhrasePattern.Example] {
        guard let node else { return [] }
        guard let list = node.sequence else {
            throw TemplateError(file: file, line: node.mark?.line ?? 1, message: "examples must be a list")
        }
        return try list.map { item in
            let line = item.mark?.line ?? 1
            if let text = item.string { return .init(text: text, slots: [:], line: line) }
            guard let text = item["text"]?.string else {
                throw TemplateError(file: file, line: line, message: "an example is a string or has 'text'")
            }
            var slots: [String: String] = [:]
            for (key, value) in item["slots"]?.mapping ?? [:] {
                if let name = key.string, let text = value.string { slots[name] = text }
            }
            return .init(text: text, slots: slots, line: line)
        }
    }

    static func yamlLine(of error: Error) -> Int {
        if let error = error as? YamlError {
            switch error {
            case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
                return mark.line
            default: return 1
            }
        }
        return 1
    }

    static func yamlProblem(of error: Error) -> String {
        if let error = error as? YamlError {
            switch error {
            case let .scanner(_, problem, _, _), let .parser(_, problem, _, _), let .composer(_, problem, _, _):
                return problem
            default: break
            }
        }
        return "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
    }
}
