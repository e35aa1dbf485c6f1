import Foundation
import Testing
@testable import TiyaoKit

@Suite struct EncodingTests {
    func outline(_ url: URL, _ extra: [String] = []) throws -> [String: Any] {
        let run = try Fixture.tiyao(["outline", url.path, "--format", "json"] + extra)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    func same(_ a: [String: Any], _ b: [String: Any]) -> Bool {
        (a["title"] as? String) == (b["title"] as? String)
            && NSArray(array: a["headings"] as? [Any] ?? []).isEqual(to: b["headings"] as? [Any] ?? [])
    }

    @Test(arguments: ["000", "001", "002", "003", "004"])
    func gb18030GivesTheSameOutline(prefix: String) throws {
        let url = Fixture.seed(prefix)
        let text = try String(contentsOf: url, encoding: .utf8)
        let converted = Fixture.temporaryDirectory().appendingPathComponent("gb.txt")
        try TextDecoder.encode(text, as: "GB18030").write(to: converted)
        let original = try outline(url), decoded = try outline(converted)
        #expect(decoded["encoding"] as? String == "GB18030")
        #expect(same(original, decoded))
    }

    @Test func big5GivesTheSameOutline() throws {
        let url = Fixture.seed("001")
        let converted = Fixture.temporaryDirectory().appendingPathComponent("big5.txt")
        try TextDecoder.encode(try String(contentsOf: url, encoding: .utf8), as: "Big5").write(to: converted)
        let original = try outline(url), decoded = try outline(converted)
        #expect(decoded["encoding"] as? String == "Big5")
        #expect(same(original, decoded))
        // Forcing the encoding gives the same result.
        #expect(same(original, try outline(converted, ["--encoding", "big5"])))
    }

    @Test func byteOrderMarksAndUTF16() throws {
        let text = try String(contentsOf: Fixture.seed("002"), encoding: .utf8)
        let directory = Fixture.temporaryDirectory()
        let cases: [(String, Data, String)] = [
            ("bom8.txt", Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8), "UTF-8 with BOM"),
            ("le.txt", Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!, "UTF-16LE"),
            ("be.txt", Data([0xFE, 0xFF]) + text.data(using: .utf16BigEndian)!, "UTF-16BE"),
        ]
        let original = try outline(Fixture.seed("002"))
        for (name, data, encoding) in cases {
            let url = directory.appendingPathComponent(name)
            try data.write(to: url)
            let decoded = try outline(url)
            #expect(decoded["encoding"] as? String == encoding)
            #expect(same(original, decoded), "\(name)")
        }
    }

    @Test func decoderNeverSubstitutes() {
        #expect(throws: TextDecoder.Failure.self) { try TextDecoder.decode(Data([0xE4, 0xB8, 0x80, 0xFF, 0xFF, 0xFF, 0xFF]), encoding: "utf-8") }
        #expect(throws: TextDecoder.Failure.self) { try TextDecoder.decode(Data("text".utf8), encoding: "no-such-charset") }
    }
}

@Suite struct BadInputTests {
    func temporary(_ name: String, _ data: Data) throws -> URL {
        let url = Fixture.temporaryDirectory().appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    @Test func emptyFileIsAnEmptyResultWithANote() throws {
        let url = try temporary("empty.txt", Data())
        let run = try Fixture.tiyao(["outline", url.path, "--format", "json"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("empty input"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((object["headings"] as? [Any])?.isEmpty == true)
    }

    @Test func binaryFileIsRejected() throws {
        var bytes: [UInt8] = Array("PK".utf8) + [0x03, 0x04, 0x00, 0x00]
        bytes += (0..<500).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let url = try temporary("file.docx", Data(bytes))
        let run = try Fixture.tiyao(["outline", url.path])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("binary"))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test func undecodableFileIsRejectedWithWhereItFailed() throws {
        let url = try temporary("bad.txt", Data("组织工作".utf8) + Data([0xFF, 0xFE, 0xFD, 0x80, 0x81]) + Data("党建".utf8))
        let run = try Fixture.tiyao(["outline", url.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot be decoded"))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test func unknownEncodingIsAnInputError() throws {
        let run = try Fixture.tiyao(["outline", Fixture.seed("002").path, "--encoding", "klingon"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("unknown encoding"))
    }

    @Test(.enabled(if: getuid() != 0, "root reads any file"))
    func unreadableFileIsAnInputError() throws {
        let url = try temporary("secret.txt", Data("组织工作。".utf8))
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: url.path)
        let run = try Fixture.tiyao(["outline", url.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("permission denied"))
    }

    @Test func fiveMillionCharacterLineWithoutPunctuation() throws {
        let piece = "组织工作党建引领高质量发展干部人才基层"
        let text = String(repeating: piece, count: 5_000_000 / piece.count)
        let url = try temporary("line.txt", Data(text.utf8))
        let start = Date()
        let run = try Fixture.tiyao(["outline", url.path, "--format", "json"])
        #expect(Date().timeIntervalSince(start) < 120)
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((object["headings"] as? [Any])?.isEmpty == true)
        let patterns = try Fixture.tiyao(["patterns", url.path, "--format", "json"])
        #expect(patterns.status == 0, "\(patterns.stderr)")
    }

    @Test func tenMegabyteFile() throws {
        var text = ""
        let seeds = try ["000", "001", "002", "003", "004"].map { try String(contentsOf: Fixture.seed($0), encoding: .utf8) }.joined(separator: "\n")
        while text.utf8.count < 10_000_000 { text += seeds + "\n" }
        let url = try temporary("ten.txt", Data(text.utf8))
        let run = try Fixture.tiyao(["outline", url.path, "--format", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        // The seeds repeat, so their headings do: every copy is found.
        #expect(((object["headings"] as? [Any])?.count ?? 0) > 1000)
    }

    @Test func outputIsAtomicAndInputsAreNeverModified() throws {
        let directory = Fixture.temporaryDirectory()
        let input = directory.appendingPathComponent("in.txt")
        try FileManager.default.copyItem(at: Fixture.seed("003"), to: input)
        let before = try Data(contentsOf: input)
        let out = directory.appendingPathComponent("outline.json")
        try Data("old".utf8).write(to: out)
        let run = try Fixture.tiyao(["outline", input.path, "--format", "json", "--out", out.path])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(try String(contentsOf: out, encoding: .utf8).contains("\"headings\""))
        #expect(try Data(contentsOf: input) == before)
        // No temporary files are left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["in.txt", "outline.json"])
        // An output that cannot be written is exit 4, and nothing is created.
        let missing = directory.appendingPathComponent("no/such/dir/outline.json")
        let failed = try Fixture.tiyao(["outline", input.path, "--out", missing.path])
        #expect(failed.status == 4)
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }
}

@Suite struct PropertyTests {
    /// Texts built from pieces of the corpus, genre marks and noise, with a fixed seed.
    func texts(count: Int, seed: UInt64) throws -> [String] {
        let corpus = try ["000", "001", "002", "003", "004"].map { try String(contentsOf: Fixture.seed($0), encoding: .utf8) }
        let pieces = corpus.flatMap { $0.split(separator: "\n").map(String.init) } + ["一、", "(一)", "1.", "第一,", "“三抓三强”:", "■", "……", "。", ",", "\n", "  ", "汇报完毕,谢谢。", "核心提示", "尊敬的各位领导,同志们:"]
        var random = Mutator.Random(seed: seed)
        return (0..<count).map { _ in
            var text = ""
            for _ in 0..<(1 + Int(random.next() % 30)) {
                let piece = pieces[Int(random.next() % UInt64(pieces.count))]
                let cut = Int(random.next() % UInt64(max(1, piece.count)))
                text += random.next() % 3 == 0 ? String(piece.prefix(cut)) : piece
                text += random.next() % 2 == 0 ? "\n" : ""
            }
            return text
        }
    }

    @Test func outlineNeverBreaksItsPromises() throws {
        let toolkit = try Toolkit(templates: Fixture.templates)
        for text in try texts(count: 300, seed: 42) {
            let document = toolkit.reader.read(text)
            #expect(Invariants.violations(of: document).isEmpty, "\(Invariants.violations(of: document)) in \(text.prefix(200))")
            let report = try PatternReport(document: document, engine: toolkit.engine)
            #expect(Invariants.violations(citing: report.matches.map { ($0.text, $0.line) }, in: document).isEmpty)
        }
    }

    /// Found by the fuzzer: a two-line heading whose first line ends in an ideographic space.
    @Test func twoLineHeadingWithTrailingSpaceStandsAtItsLines() throws {
        let text = "标题一行\n今年以来,我们扎实推进各项工作。各项工作取得新成效,群众满意度持续提升。\n高擎旗帜\u{3000}\n凝心铸魂筑忠诚\n坚定理想信念,坚决对党忠诚。全市组织系统高举思想之旗,筑牢对党忠诚的思想根基。\n"
        let document = Fixture.reader().read(text)
        #expect(document.headings.map(\.text) == ["高擎旗帜 凝心铸魂筑忠诚"])
        #expect(Invariants.violations(of: document).isEmpty)
    }

    @Test func boundedFuzzRunFindsNothing() throws {
        let toolkit = try Toolkit(templates: Fixture.templates)
        var campaign = FuzzCampaign(toolkit: toolkit)
        campaign.checks = FuzzChecks.all(toolkit: toolkit)
        let result = campaign.run(iterations: 600, seed: 20261123, seeds: try FuzzCampaign.seeds(in: Fixture.corpus))
        #expect(result.failures.isEmpty, "\(result.failures.prefix(3).map(\.message))")
        #expect(result.decoded > 200)
    }
}
