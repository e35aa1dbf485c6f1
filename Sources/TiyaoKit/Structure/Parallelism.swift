/// Parallel structure: the sibling points of a section share a shape — the same
/// punctuation skeleton, often the same opening word, similar length. The structure
/// parser finds unnumbered headings with it and the pattern engine reports the series.
public enum Parallelism {
    /// The shape of a short sentence, read on its normalized shadow.
    public struct Shape: Hashable, Sendable {
        /// Punctuation skeleton: `x` a run of text, `Q` a quoted slot, `B` a 《title》,
        /// `,` `、` `;` `:` clause marks, `。` the end mark. 抓理论武装,增强责任担当。 → x,x。
        public var skeleton: String
        /// First unit (the opening character, or the opening quote).
        public var head: UInt16
        /// Number of text characters (punctuation and spaces not counted).
        public var length: Int

        /// The skeleton with quoted slots and titles read as text: 推进“两个覆盖”。 is then
        /// shaped like 持续建强农村基层党组织。
        public var looseSkeleton: String {
            var result = ""
            for mark in skeleton.replacingOccurrences(of: "Q", with: "x").replacingOccurrences(of: "B", with: "x") {
                if mark == "x", result.last == "x" { continue }
                result.append(mark)
            }
            return result
        }
    }

    public static func shape(_ s: some Collection<UInt16>) -> Shape {
        var skeleton = ""
        var length = 0
        var inText = false
        var depth = 0  // inside quotes or brackets: their content is a slot
        var head: UInt16 = 0
        for u in s {
            if Punctuation.isSpace(u) { continue }
            if head == 0 { head = u }
            if Punctuation.isOpener(u) {
                if depth == 0 { skeleton += (u == 0x300A || u == 0x3008) ? "B" : (u == 0x28 || u == 0xFF08 || u == 0x5B ? "P" : "Q") }
                depth += 1
                inText = false
                continue
            }
            if Punctuation.isCloser(u) {
                depth = max(0, depth - 1)
                inText = false
                continue
            }
            if depth > 0 {
                if !Punctuation.isPunctuation(u) { length += 1 }
                continue
            }
            if Punctuation.isSentenceEnd(u) {
                if !skeleton.hasSuffix("。") { skeleton += "。" }
                inText = false
            } else if Punctuation.isClauseMark(u) {
                skeleton += u == 0x3001 ? "、" : (u == 0x3B || u == 0xFF1B ? ";" : (u == 0x3A || u == 0xFF1A ? ":" : ","))
                inText = false
            } else if Punctuation.isPunctuation(u) {
                inText = false
            } else {
                length += 1
                if !inText { skeleton += "x"; inText = true }
            }
        }
        return Shape(skeleton: skeleton, head: head, length: length)
    }

    /// A sentence that might be a point of a parallel series.
    public struct Candidate: Sendable {
        public var shape: Shape
        /// A paragraph's first sentence (otherwise a sentence inside a paragraph).
        public var isLead: Bool
        /// Order of the sentence in the document, to check that points have text between them.
        public var order: Int
        /// The paragraph (line) it stands in.
        public var paragraph: Int

        public init(shape: Shape, isLead: Bool, order: Int, paragraph: Int) {
            self.shape = shape
            self.isLead = isLead
            self.order = order
            self.paragraph = paragraph
        }
    }

    /// The most convincing parallel series among `candidates` (indices into it, in order),
    /// or nil. `intro` is the section's opening paragraph, which states the theme and
    /// is not a point unless it shares the series' opening word.
    public static func bestSeries(_ candidates: [Candidate], intro: Int? = nil, minimumCount: Int = 2) -> [Int]? {
        // Group by exact skeleton, and again by the loose one (quotes read as text).
        var bySkeleton: [String: [Int]] = [:]
        for (index, candidate) in candidates.enumerated() {
            bySkeleton[candidate.shape.skeleton, default: []].append(index)
            if !candidate.shape.skeleton.hasPrefix("@"), candidate.shape.looseSkeleton != candidate.shape.skeleton {
                bySkeleton["~" + candidate.shape.looseSkeleton, default: []].append(index)
            }
        }
        for (key, members) in bySkeleton where !key.hasPrefix("~") && !key.hasPrefix("@") {
            // Exact-skeleton members join their loose group too, when one exists.
            let loose = "~" + candidates[members[0]].shape.looseSkeleton
            if let existing = bySkeleton[loose] {
                bySkeleton[loose] = Array(Set(existing + members))
            }
        }
        var best: (members: [Int], score: Double)?
        for skeleton in bySkeleton.keys.sorted() {
            guard let series = accept(bySkeleton[skeleton]!.sorted(), candidates, intro: intro, minimumCount: minimumCount) else { continue }
            let shared = Double(largestSharedHead(series, candidates).count) / Double(series.count)
            let score = Double(series.count) + shared
            if best == nil || score > best!.score || (score == best!.score && series[0] < best!.members[0]) {
                best = (series, score)
            }
        }
        return best?.members
    }

    /// The parallel series within one skeleton group, if any; see `bestSeries`.
    static func accept(_ group: [Int], _ candidates: [Candidate], intro: Int?, minimumCount: Int) -> [Int]? {
        if candidates[group[0]].shape.skeleton.hasPrefix("@") {
            // Matches of one user heading pattern: parallel by definition, if there are enough.
            return group.count >= minimumCount ? group : nil
        }
        let leads = acceptLeads(group.filter { candidates[$0].isLead }, candidates, intro: intro, minimumCount: minimumCount)
        let mixed = acceptMixed(group, candidates, minimumCount: minimumCount)
        switch (leads, mixed) {
        case let (leads?, mixed?): return mixed.count > leads.count ? mixed : leads
        default: return leads ?? mixed
        }
    }

    /// Paragraph leads of one skeleton: parallel when they share an opening word or
    /// have much the same length. The section's intro paragraph is dropped when the
    /// others share an opening word it lacks.
    static func acceptLeads(_ group: [Int], _ candidates: [Candidate], intro: Int?, minimumCount: Int) -> [Int]? {
        guard group.count >= minimumCount else { return nil }
        let shared = largestSharedHead(group, candidates)
        var members = group
        if shared.count >= 2, let intro {
            members.removeAll { candidates[$0].paragraph == intro && !shared.contains($0) }
        }
        guard members.count >= minimumCount else { return nil }
        let lengths = members.map { candidates[$0].shape.length }
        let spread = lengths.max()! - lengths.min()!
        if shared.count >= 2 || (members.count >= 3 && spread <= 6) || (spread <= 4 && lengths.max()! <= 20) {
            return members
        }
        return nil
    }

    /// Points inside paragraphs need a stronger likeness: the same opening, at least
    /// three of them, similar lengths, and text between each point and the next.
    static func acceptMixed(_ group: [Int], _ candidates: [Candidate], minimumCount: Int) -> [Int]? {
        guard group.contains(where: { !candidates[$0].isLead }) else { return nil }
        let shared = largestSharedHead(group, candidates)
        if shared.count >= max(3, minimumCount), spread(shared, candidates) <= 8, separated(shared, candidates) {
            return shared
        }
        // Or a run of points of exactly one length and skeleton (突出实绩选。聚焦实战育。坚持从严管。):
        // the same length is as telling as the same opening.
        var byLength: [Int: [Int]] = [:]
        for index in group { byLength[candidates[index].shape.length, default: []].append(index) }
        for length in byLength.keys.sorted() where length >= 4 {
            let run = byLength[length]!
            if run.count >= max(3, minimumCount), Set(run.map { candidates[$0].shape.skeleton }).count == 1, separated(run, candidates) {
                return run
            }
        }
        return nil
    }

    static func spread(_ members: [Int], _ candidates: [Candidate]) -> Int {
        let lengths = members.map { candidates[$0].shape.length }
        return lengths.max()! - lengths.min()!
    }

    /// Points introduce text: between one point and the next stands at least one other sentence.
    static func separated(_ members: [Int], _ candidates: [Candidate]) -> Bool {
        zip(members, members.dropFirst()).allSatisfy { candidates[$1].order - candidates[$0].order >= 2 }
    }

    static func largestSharedHead(_ group: [Int], _ candidates: [Candidate]) -> [Int] {
        var byHead: [UInt16: [Int]] = [:]
        for index in group { byHead[candidates[index].shape.head, default: []].append(index) }
        return byHead.values.max { a, b in a.count < b.count || (a.count == b.count && a[0] > b[0]) } ?? []
    }
}
