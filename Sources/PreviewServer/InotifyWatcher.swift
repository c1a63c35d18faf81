import Foundation
#if canImport(Glibc)
import Glibc

/// inotify on a dedicated thread: the reads block, so they stay off the cooperative
/// pool. A pipe wakes the thread when the stream ends, and the thread then closes
/// every descriptor itself, so no descriptor is ever used after close.
struct InotifyWatcher: Sendable {
    let directories: [String]
    let debounce: Duration
    /// A batch is delivered after this long even if events keep coming.
    var maximumDelay: Duration = .seconds(1)

    static let mask = UInt32(IN_CREATE) | UInt32(IN_MOVED_TO) | UInt32(IN_CLOSE_WRITE)
        | UInt32(IN_DELETE) | UInt32(IN_MOVED_FROM) | UInt32(IN_ONLYDIR)

    func start(_ continuation: AsyncStream<[String]>.Continuation) throws(ServerError) {
        let fd = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard fd >= 0 else { throw .watcherUnavailable("inotify_init1 failed: \(String(cString: strerror(errno)))") }
        var pipeFDs: [Int32] = [-1, -1]
        guard pipe(&pipeFDs) == 0 else {
            close(fd)
            throw .watcherUnavailable("pipe2 failed: \(String(cString: strerror(errno)))")
        }
        for pipeFD in pipeFDs {
            _ = fcntl(pipeFD, F_SETFD, FD_CLOEXEC)
            _ = fcntl(pipeFD, F_SETFL, O_NONBLOCK)
        }
        // Watches are in place before start returns: a change made right after is seen.
        var table = WatchTable(fd: fd)
        var ignored = Set<String>()
        for directory in directories { table.addRecursively(directory, newFiles: &ignored) }
        guard !table.isEmpty else {
            close(fd); close(pipeFDs[0]); close(pipeFDs[1])
            throw .watcherUnavailable("no directory could be watched")
        }
        let (wakeRead, wakeWrite) = (pipeFDs[0], pipeFDs[1])
        continuation.onTermination = { _ in
            var byte: UInt8 = 1
            _ = write(wakeWrite, &byte, 1)
        }
        let loop = EventLoop(fd: fd, wakeRead: wakeRead, wakeWrite: wakeWrite, table: table,
                             debounce: debounce, maximumDelay: maximumDelay, continuation: continuation)
        let thread = Thread { loop.run() }
        thread.name = "PayPage file watcher"
        thread.start()
    }

    private struct EventLoop: Sendable {
        let fd: Int32
        let wakeRead: Int32
        let wakeWrite: Int32
        let table: WatchTable
        let debounce: Duration
        let maximumDelay: Duration
        let continuation: AsyncStream<[String]>.Continuation

        func run() {
            var table = table
            var pending = Set<String>()
            var firstPending: ContinuousClock.Instant?
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            loop: while true {
                var timeout: Int32 = -1
                if let firstPending {
                    let left = maximumDelay - (ContinuousClock.now - firstPending)
                    timeout = Int32(max(0, min(debounce.milliseconds, left.milliseconds)))
                }
                var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
                let ready = poll(&fds, 2, timeout)
                if ready < 0 {
                    if errno == EINTR { continue }
                    break loop
                }
                if fds[1].revents != 0 { break loop }  // the stream ended
                if ready == 0 || (firstPending.map { ContinuousClock.now - $0 >= maximumDelay } ?? false) {
                    if !pending.isEmpty { continuation.yield(pending.sorted()) }
                    pending.removeAll()
                    firstPending = nil
                    if ready == 0 { continue }
                }
                if fds[0].revents & Int16(POLLERR | POLLHUP | POLLNVAL) != 0 { break loop }
                while true {
                    let count = read(fd, &buffer, buffer.count)
                    if count <= 0 { break }
                    table.parse(buffer[0..<count], into: &pending)
                }
                if !pending.isEmpty, firstPending == nil { firstPending = .now }
            }
            // finish() runs onTermination (a write to the still-open pipe) before we close it.
            continuation.finish()
            close(fd)
            close(wakeRead)
            close(wakeWrite)
        }
    }
}
#endif
