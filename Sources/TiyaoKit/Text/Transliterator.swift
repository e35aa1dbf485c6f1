import CICUShim

/// An ICU transliterator such as "Hant-Hans" (traditional → simplified).
public final class Transliterator {
    private let handle: OpaquePointer

    public init(_ id: String) throws {
        var status: Int32 = 0
        let units = Array(id.utf16)
        guard let handle = tiyao_transliterator_open(units, Int32(units.count), &status) else {
            throw ICUError(status: status, operation: "utrans_open(\(id))")
        }
        self.handle = handle
    }

    deinit { tiyao_transliterator_close(handle) }

    public func transliterate(_ units: [UInt16]) -> [UInt16] {
        var capacity = units.count * 2 + 8
        while true {
            var buffer = units + Array(repeating: 0, count: capacity - units.count)
            var status: Int32 = 0
            let length = tiyao_transliterate(handle, &buffer, Int32(units.count), Int32(capacity), &status)
            if status == ICUError.bufferOverflow { capacity = Int(length) + 8; continue }
            if status > 0 { return units }  // leave text alone rather than lose it
            return Array(buffer.prefix(Int(length)))
        }
    }

    public func transliterate(_ string: String) -> String {
        String(utf16Units: transliterate(Array(string.utf16)))
    }
}
