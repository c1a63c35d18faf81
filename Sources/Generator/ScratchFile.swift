#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// An unlinked temporary file that records are appended to and read back by offset: the build
/// keeps what the staff pages need of every request here instead of in memory. It disappears
/// with the process, even a killed one.
final class ScratchFile: Sendable {
    private let fd: Int32
    private let end = Mutex(0)

    init() throws(GeneratorError) {
        var template = Array((NSTemporaryDirectory() + "/paypage-scratch-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .fileSystem(path: NSTemporaryDirectory(), reason: "cannot create a scratch file: \(String(cString: strerror(errno)))") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Appends `bytes`; returns where they are.
    func append(_ bytes: [UInt8]) throws(GeneratorError) -> Range<Int> {
        let offset = end.withLock { end in
            defer { end += bytes.count }
            return end
        }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress! + done, bytes.count - done, off_t(offset + done)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .fileSystem(path: NSTemporaryDirectory(), reason: "cannot write a scratch file: \(String(cString: strerror(errno)))")
            }
            done += n
        }
        return offset..<(offset + bytes.count)
    }

    func read(_ range: Range<Int>) throws(GeneratorError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: range.count)
        var done = 0
        while done < range.count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, range.count - done, off_t(range.lowerBound + done)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw .fileSystem(path: NSTemporaryDirectory(), reason: "cannot read a scratch file") }
            done += n
        }
        return bytes
    }
}
