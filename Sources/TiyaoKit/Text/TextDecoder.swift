import CICUShim
import Foundation

/// Turns the bytes of a file into text: UTF-8 (with or without BOM), UTF-16 with BOM,
/// GB18030/GBK and Big5, detected through BOMs, strict UTF-8 validation and ICU's
/// charset detector, or forced by the user. Never substitutes: undecodable input is an error.
public enum TextDecoder {
    public struct Decoded: Sendable {
        public var text: String
        /// The encoding used, as a user would name it ("UTF-8", "UTF-8 with BOM", "GB18030", "Big5", …).
        public var encoding: String
    }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case binary
        case undecodable(encoding: String, byteOffset: Int)
        case unknownEncoding(String)

        public var description: String {
            switch self {
            case .binary: return "looks like a binary file, not text"
            case let .undecodable(encoding, offset):
                return "cannot be decoded as \(encoding) (bad byte sequence at byte \(offset)); try --encoding"
            case let .unknownEncoding(name): return "unknown encoding '\(name)'"
            }
        }
    }

    public static func decode(_ data: Data, encoding forced: String? = nil) throws -> Decoded {
        let bytes = [UInt8](data)
        if let forced { return try decode(bytes, as: canonicalName(forced) ?? forced, label: forced) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try decode(Array(bytes.dropFirst(3)), as: "UTF-8", label: "UTF-8 with BOM")
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try decode(Array(bytes.dropFirst(2)), as: "UTF-16LE", label: "UTF-16LE") }
        if bytes.starts(with: [0xFE, 0xFF]) { return try decode(Array(bytes.dropFirst(2)), as: "UTF-16BE", label: "UTF-16BE") }
        if looksBinary(bytes) { throw Failure.binary }
        if let text = String(validating: bytes, as: UTF8.self) { return Decoded(text: text, encoding: "UTF-8") }
        // Not UTF-8: the offices' other encodings. Try the detector's guess first, then
        // GB18030 (a superset of GBK and GB2312) and Big5, strictly.
        var candidates = ["GB18030", "Big5"]
        if let guess = detect(bytes), let name = canonicalName(guess), name != "UTF-8" {
            candidates.removeAll { $0 == name }
            candidates.insert(name, at: 0)
        }
        // If nothing decodes, report the reading that got furthest: a UTF-8 file with one
        // bad byte is reported as bad UTF-8 at that byte, not as bad GB18030 at byte 3.
        var furthest = Failure.undecodable(encoding: "UTF-8", byteOffset: firstInvalidUTF8(bytes))
        func offset(_ failure: Failure) -> Int {
            if case let .undecodable(_, byteOffset) = failure { return byteOffset }
            return -1
        }
        for name in candidates where name == "GB18030" || name == "Big5" {
            do {
                let decoded = try decode(bytes, as: name, label: name)
                // Big5 text also decodes as GB18030 more often than not; prefer the
                // reading with fewer rare (private-use or compatibility) characters.
                if name == "GB18030", let big5 = try? decode(bytes, as: "Big5", label: "Big5"),
                   oddity(big5.text) < oddity(decoded.text) {
                    return big5
                }
                return decoded
            } catch let failure as Failure {
                if offset(failure) > offset(furthest) { furthest = failure }
            }
        }
        throw furthest
    }

    /// ICU's charset detector's best guess, if any.
    public static func detect(_ bytes: [UInt8]) -> String? {
        var name = [CChar](repeating: 0, count: 64)
        var status: Int32 = 0
        let sample = Array(bytes.prefix(65_536))
        let confidence = sample.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                tiyao_charset_detect($0.baseAddress, Int32($0.count), &name, Int32(name.count), &status)
            }
        }
        guard confidence > 0 else { return nil }
        return String(cString: name)
    }

    /// Encodes text into a charset (for tests and conversion tools).
    public static func encode(_ text: String, as encoding: String) throws -> Data {
        let charset = canonicalName(encoding) ?? encoding
        let units = Array(text.utf16)
        var capacity = units.count * 4 + 16
        var dest = [CChar](repeating: 0, count: capacity)
        var status: Int32 = 0
        var length = tiyao_charset_encode(charset, units, Int32(units.count), &dest, Int32(capacity), &status)
        if status == ICUError.bufferOverflow {
            capacity = Int(length) + 16
            dest = [CChar](repeating: 0, count: capacity)
            status = 0
            length = tiyao_charset_encode(charset, units, Int32(units.count), &dest, Int32(capacity), &status)
        }
        try ICUError.check(status, "encoding as \(charset)")
        return Data(dest.prefix(Int(length)).map { UInt8(bitPattern: $0) })
    }

    static func decode(_ bytes: [UInt8], as charset: String, label: String) throws -> Decoded {
        if charset == "UTF-8" {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw Failure.undecodable(encoding: label, byteOffset: firstInvalidUTF8(bytes))
            }
            return Decoded(text: text, encoding: label)
        }
        let capacity = bytes.count * 2 + 16
        var dest = [UInt16](repeating: 0, count: capacity)
        var status: Int32 = 0, errorOffset: Int32 = -1
        let length = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                tiyao_charset_decode(charset, $0.baseAddress, Int32($0.count), &dest, Int32(capacity), &errorOffset, &status)
            }
        }
        if status > 0 {
            if String(cString: tiyao_error_name(status)) == "U_FILE_ACCESS_ERROR" { throw Failure.unknownEncoding(label) }
            throw Failure.undecodable(encoding: label, byteOffset: max(0, Int(errorOffset)))
        }
        let units = dest.prefix(Int(length))
        if units.contains(0) { throw Failure.binary }
        return Decoded(text: String(utf16Units: units), encoding: label)
    }

    /// Normalizes user and ICU spellings to the converter names we use.
    static func canonicalName(_ name: String) -> String? {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": return "UTF-8"
        case "utf-16le": return "UTF-16LE"
        case "utf-16be": return "UTF-16BE"
        case "gb18030", "gbk", "gb2312", "cp936", "euc-cn", "gb-18030": return "GB18030"
        case "big5", "big-5", "cp950", "big5-hkscs": return "Big5"
        default: return nil
        }
    }

    /// NUL bytes outside a UTF-16 file, or many control characters, mean binary.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(8192)
        if sample.contains(0) { return true }
        let controls = sample.filter { $0 < 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0x0C && $0 != 0x1B }.count
        return controls * 20 > sample.count && controls > 4
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    /// How unusual a decoding looks: private-use, replacement and rare-block characters.
    static func oddity(_ text: String) -> Int {
        var score = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xE000...0xF8FF, 0xFFFD, 0x3400...0x4DBF, 0x20000...0x2FFFF: score += 1
            default: break
            }
        }
        return score
    }
}
