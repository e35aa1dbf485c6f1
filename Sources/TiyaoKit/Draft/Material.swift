import Foundation

/// Documents read from a corpus, cut into their level-1 sections, each assigned to a
/// theme: the material briefings and speech drafts are assembled from.
public struct Material {
    public struct Section {
        public var document: Int
        /// The level-1 heading (index into the document's headings), or nil for a document without one.
        public var heading: Int?
        public var headingText: String
        /// Body sentences of the section and its sub-headings, in order.
        public var sentences: [Sentence]
        /// Level-2 and deeper headings inside it, as points.
        public var points: [Heading]
        public var scores: [ThemeSet.Score]
        public var theme: String? { scores.first.flatMap { $0.score > 0 ? $0.theme : nil } }
    }

    public var documents: [Document]
    public var sections: [Section]

    public init(documents: [Document], themes: ThemeSet) {
        self.documents = documents
        sections = documents.indices.flatMap { Self.sections(of: documents[$0], index: $0, themes: themes) }
    }

    /// Reads every `.txt` file of the given files and directories (sorted, so results are stable).
    public static func read(_ paths: [String], reader: DocumentReader) throws -> [Document] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw SourceFile.Failure(path: path, reason: "no such file or directory")
            }
            if isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".txt") }.sorted()
                files += names.map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 }
            } else {
                files.append(path)
            }
        }
        return try files.map { file in
            let decoded = try SourceFile.read(file)
            return reader.read(decoded.text, path: file, encoding: decoded.encoding)
        }
    }

    static func sections(of document: Document, index: Int, themes: ThemeSet) -> [Section] {
        let headings = document.headings
        func top(_ heading: Int?) -> Int? {
            var current = heading
            while let index = current, let parent = headings[index].parent { current = parent }
            return current
        }
        var order: [Int?] = []
        var bySection: [Int?: [Sentence]] = [:]
        for sentence in document.sentences where sentence.role == .body || sentence.role == .heading || sentence.role == .abstract {
            let key = top(sentence.sectionIndex)
            if bySection[key] == nil { order.append(key) }
            bySection[key, default: []].append(sentence)
        }
        // Text before the first heading belongs to a section only when there are no headings.
        if !headings.isEmpty { order.removeAll { $0 == nil } }
        return order.map { key in
            let sentences = bySection[key] ?? []
            let headingText = key.map { headings[$0].text } ?? document.title.map(\.text) ?? ""
            let headingShadow = key.map { headings[$0].shadow } ?? ""
            let body = sentences.filter { $0.headingIndex != key || key == nil }
            let points = headings.indices.filter { $0 != key && top($0) == key && key != nil }.map { headings[$0] }
            return Section(document: index, heading: key, headingText: headingText, sentences: body, points: points,
                           scores: themes.scores(heading: headingShadow, body: body.map(\.shadow).joined()))
        }
    }
}
