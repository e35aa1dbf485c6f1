import Foundation
import ZIPFoundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Zipping the parts into a .docx and writing it to disk atomically.

extension DocxDocument {
    /// Every zip entry gets this date (1980-01-01 00:00 UTC, the earliest DOS
    /// timestamp) so that the bytes do not depend on when they were made.
    static let zipTimestamp = Date(timeIntervalSince1970: 315_532_800)

    /// The .docx bytes. Deterministic: the same paragraphs always give the same bytes.
    public func data() throws -> Data {
        let archive = try Archive(accessMode: .create)
        for part in parts() {
            let bytes = Data(part.xml.utf8)
            try archive.addEntry(
                with: part.path,
                type: .file,
                uncompressedSize: Int64(bytes.count),
                modificationDate: Self.zipTimestamp,
                permissions: 0o644,
                compressionMethod: .deflate
            ) { position, size in
                let start = Int(position)
                return bytes.subdata(in: start..<start + size)
            }
        }
        guard let zipped = archive.data else {
            throw CocoaError(.fileWriteUnknown)
        }
        return zipped
    }

    /// Writes the .docx to `url` atomically: the bytes go to a hidden temp file in
    /// the same directory (same file system, so rename is atomic), are flushed to
    /// disk, then renamed over `url`. On any failure the temp file is removed and
    /// the error rethrown, so `url` is either the old file or the complete new one.
    public func write(to url: URL) throws {
        let bytes = try data()  // build everything before touching the disk
        // The name is clipped so the temp name stays under the 255-byte file name limit.
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent.prefix(64)).\(UUID().uuidString).tmp")
        do {
            try bytes.write(to: temp, options: .withoutOverwriting)
            let handle = try FileHandle(forWritingTo: temp)
            defer { try? handle.close() }
            try handle.synchronize()  // fsync, so a crash cannot leave a renamed-but-empty file
            guard rename(temp.path, url.path) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw error
        }
    }
}
