import Foundation
@testable import TiyaoKit

/// Paths and shared objects for the tests.
enum Fixture {
    /// The package root (this file is Tests/TiyaoKitTests/Support.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = root.appendingPathComponent("corpus")
    static let templates = Templates(directory: root.appendingPathComponent("templates"))
    static let fixtures = root.appendingPathComponent("Tests/TiyaoKitTests/Fixtures")
    static let gold = fixtures.appendingPathComponent("gold")

    static func seed(_ prefix: String) -> URL {
        let name = try! FileManager.default.contentsOfDirectory(atPath: corpus.path).first { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }!
        return corpus.appendingPathComponent(name)
    }

    static func reader() -> DocumentReader { try! Toolkit(templates: templates).reader }

    static func document(_ prefix: String, reader: DocumentReader = reader()) -> Document {
        let url = seed(prefix)
        let text = try! String(contentsOf: url, encoding: .utf8)
        return reader.read(text, path: url.path)
    }

    /// The tiyao executable built beside the test bundle.
    static var executable: URL {
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("tiyao")
    }

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    /// Runs the tiyao executable with arguments (and optional standard input).
    static func tiyao(_ arguments: [String], stdin: Data? = nil, in directory: URL = root) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        // stdout and stderr go to files, so a large output can never block the child.
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outURL = directory.appendingPathComponent("out"), errURL = directory.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tiyao-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
