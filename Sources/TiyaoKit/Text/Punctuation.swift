/// The punctuation classes the segmenters and the structure parser reason with,
/// on the normalized (NFKC) shadow text, where full-width ,:;?!() are ASCII.
enum Punctuation {
    /// Marks that end a sentence (GB/T 15834): 。?! and the ellipsis.
    static func isSentenceEnd(_ u: UInt16) -> Bool {
        u == 0x3002 || u == 0x3F || u == 0x21 || u == 0xFF1F || u == 0xFF01 || u == 0xFF61 || u == 0x2026
    }

    /// Closing quotes and brackets that stay with the sentence before them.
    static func isCloser(_ u: UInt16) -> Bool {
        switch u {
        case 0x201D, 0x2019, 0x300D, 0x300F, 0x300B, 0x3009, 0x3011, 0x3017, 0x29, 0xFF09, 0x5D, 0x22, 0x27, 0xFF3D:
            return true  // ” ’ 」 』 》 〉 】 〗 ) ） ] " ' ］
        default: return false
        }
    }

    static func isOpener(_ u: UInt16) -> Bool {
        switch u {
        case 0x201C, 0x2018, 0x300C, 0x300E, 0x300A, 0x3008, 0x3010, 0x3016, 0x28, 0xFF08, 0x5B:
            return true  // “ ‘ 「 『 《 〈 【 〖 ( （ [
        default: return false
        }
    }

    /// Clause-level marks: comma, enumeration comma, semicolon, colon.
    static func isClauseMark(_ u: UInt16) -> Bool {
        u == 0x2C || u == 0xFF0C || u == 0x3001 || u == 0x3B || u == 0xFF1B || u == 0x3A || u == 0xFF1A
    }

    static func isSpace(_ u: UInt16) -> Bool {
        u == 0x20 || u == 0x09 || u == 0x3000 || u == 0xA0 || u == 0x0D
    }

    /// Any punctuation or symbol mark this product cares about (for counting "content" characters).
    static func isPunctuation(_ u: UInt16) -> Bool {
        isSentenceEnd(u) || isCloser(u) || isOpener(u) || isClauseMark(u) || isSpace(u)
            || u == 0x2E || u == 0x2014 || u == 0x2015 || u == 0x2013 || u == 0x2D || u == 0x00B7 || u == 0x30FB
            || u == 0x25A0 || u == 0x25B2 || u == 0x25B3 || u == 0x25CF || u == 0x2605 || u == 0x2606 || u == 0x4E28
            || u == 0x2F || u == 0x7C || u == 0x2B
    }
}
