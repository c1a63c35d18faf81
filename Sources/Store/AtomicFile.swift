import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes files so that a reader (or a crash) sees the old content or the new, never a torn
/// file: temporary file in the same folder, write, fsync, rename over, fsync the folder.
package enum AtomicFile {
    /// `permissions` apply to a new file, filtered by the umask as usual.
    package static func write(_ data: Data, to url: URL, permissions: mode_t = 0o644) throws(StoreError) {
        let path = url.path
        let folder = url.deletingLastPathComponent().path
        // Same folder: rename(2) is atomic only within one file system.
        let temp = folder + "/." + url.lastPathComponent + ".tmp-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        func fail(_ operation: String, _ code: Int32 = errno) -> StoreError {
            .fileSystem(path: path, operation: operation, reason: String(cString: strerror(code)))
        }
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard fd >= 0 else { throw fail("create a temporary file in \(folder)") }
        var failure: StoreError?
        if !writeAll(data, to: fd) { failure = fail("write") }
        // Without fsync before rename, a crash can leave the new name pointing at empty content.
        if failure == nil, fsync(fd) != 0 { failure = fail("sync") }
        if close(fd) != 0, failure == nil { failure = fail("close") }
        if failure == nil, rename(temp, path) != 0 { failure = fail("rename into place") }
        if let failure {
            unlink(temp)
            throw failure
        }
        // The rename itself is durable only once the folder is synced.
        let dirFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dirFD >= 0 else { throw fail("open the folder to sync it") }
        defer { close(dirFD) }
        guard fsync(dirFD) == 0 else { throw fail("sync the folder") }
    }

    /// Writes only when the content differs, so unchanged files keep their modification time
    /// (incremental builds, live reload). Returns whether it wrote.
    @discardableResult
    package static func writeIfChanged(_ data: Data, to url: URL, permissions: mode_t = 0o644) throws(StoreError) -> Bool {
        var info = stat()
        if stat(url.path, &info) == 0, Int(info.st_size) == data.count,
           let existing = try? Data(contentsOf: url), existing == data {
            return false
        }
        try write(data, to: url, permissions: permissions)
        return true
    }

    private static func writeAll(_ data: Data, to fd: Int32) -> Bool {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }
}
