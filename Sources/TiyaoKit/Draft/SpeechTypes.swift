import Foundation
import Yams

/// Speech types (`templates/drafts/types.yaml`): which template frames each type and
/// which pattern family generates its headings.
public struct SpeechTypes: Sendable {
    public struct SpeechType: Sendable {
        public var name: String
        public var template: String
        public var pattern: String
    }

    public var types: [SpeechType]

    public init(templates: Templates) throws {
        let url = templates.url("drafts/types.yaml")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw TemplateError(file: url.path, line: 0, message: "cannot read speech types")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw TemplateError(file: url.path, line: PatternFile.yamlLine(of: error), message: "not valid YAML: \(PatternFile.yamlProblem(of: error))")
        }
        guard let mapping = root?["types"]?.mapping else {
            throw TemplateError(file: url.path, line: 1, message: "expected a top-level 'types:' mapping")
        }
        types = try mapping.map { key, value in
            guard let name = key.string, let template = value["template"]?.string, let pattern = value["pattern"]?.string else {
                throw TemplateError(file: url.path, line: value.mark?.line ?? 1, message: "a type needs 'template' and 'pattern'")
            }
            return SpeechType(name: name, template: template, pattern: pattern)
        }
    }

    public func type(_ name: String) -> SpeechType? { types.first { $0.name == name } }
}
