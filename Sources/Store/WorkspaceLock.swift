import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An advisory lock on a file of `.paypage/` (flock), so two builds never write `Output/` at once.
/// The kernel releases it when the process dies, so a killed build never leaves it stuck.
package final class WorkspaceLock: Sendable {
    package enum Failure: Error, Sendable, CustomStringConvertible {
        case busy(String)
        case cannotOpen(String, String)

        package var description: String {
            switch self {
            case .busy(let path): "another paypage process is building this workspace (\(path) is locked); try again when it is done"
            case let .cannotOpen(path, reason): "\(path): cannot open the lock: \(reason)"
            }
        }
    }

    private let descriptor: Int32

    /// Takes the lock, waiting at most `timeout` seconds (0: fail at once if it is held).
    package init(_ url: URL, timeout: TimeInterval = 0) throws(Failure) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotOpen(url.path, String(cString: strerror(errno))) }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(fd)
                throw .busy(url.path)
            }
            usleep(20_000)
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
