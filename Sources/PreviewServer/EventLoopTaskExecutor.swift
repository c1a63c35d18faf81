import NIOCore

/// Runs a connection's task on the event loop that owns its socket.
///
/// Hummingbird runs each connection's task on Swift's global pool, so every request crosses
/// threads twice (event loop → pool to handle it, pool → event loop to write it), each time
/// with a wakeup. On two cores those hops cost more than answering a cached page.
@available(macOS 15.0, *)
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        // `execute` from the loop's own thread only queues: no wakeup, no syscall.
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
