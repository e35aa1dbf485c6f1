import ArgumentParser
import Foundation
import TiyaoKit

/// Errors the user can act on: one line on stderr and a documented exit code.
enum CLIError: Error, CustomStringConvertible {
    case input(String)
    case template(String)
    case output(String)

    var description: String {
        switch self {
        case let .input(message), let .template(message), let .output(message): return message
        }
    }

    var exitCode: Int32 {
        switch self {
        case .input: return 2
        case .template: return 3
        case .output: return 4
        }
    }

    static func readDocument(_ path: String, encoding: String?, reader: DocumentReader) throws -> Document {
        let decoded: TextDecoder.Decoded
        do { decoded = try SourceFile.read(path, encoding: encoding) } catch { throw CLIError.input("\(error)") }
        if decoded.text.isEmpty { Console.note("\(path): empty input") }
        return reader.read(decoded.text, path: path, encoding: decoded.encoding)
    }
}

extension CLIError {
    /// Runs pattern matching, turning a pattern's time-out into a template error.
    static func patternRun<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as PatternEngine.TimeLimitExceeded {
            throw CLIError.template(error.description)
        }
    }
}

enum Console {
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("tiyao: \(message)\n".utf8))
    }
}

/// Runs a command body, turning known errors into one line on stderr and an exit code.
func guarded(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as CLIError {
        Console.note("error: \(error)")
        throw ExitCode(error.exitCode)
    } catch let error as TemplateError {
        Console.note("error: \(error)")
        throw ExitCode(3)
    } catch let error as SourceFile.Failure {
        Console.note("error: \(error)")
        throw ExitCode(2)
    }
}
