import CICUShim

/// An ICU call that failed, with ICU's own name for the status.
public struct ICUError: Error, CustomStringConvertible, Sendable {
    public let status: Int32
    public let operation: String

    public var description: String {
        "\(operation) failed: \(name)"
    }

    /// ICU status codes above zero are errors; zero and below are success or warnings.
    static func check(_ status: Int32, _ operation: @autoclosure () -> String) throws {
        if status > 0 { throw ICUError(status: status, operation: operation()) }
    }

    /// ICU's symbolic name, e.g. "U_REGEX_TIME_OUT".
    public var name: String { String(cString: tiyao_error_name(status)) }

    static let bufferOverflow: Int32 = 15  // U_BUFFER_OVERFLOW_ERROR
}

extension String {
    /// Builds a string from UTF-16 units (lossless for valid text; lone surrogates become U+FFFD).
    init(utf16Units: some Collection<UInt16>) {
        self = String(decoding: utf16Units, as: UTF16.self)
    }
}
