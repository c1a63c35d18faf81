import Foundation
import Hummingbird
import PreviewServer

/// A real `PreviewServer` listening on 127.0.0.1 (port 0: the kernel picks a free one), run in
/// this process and stopped by cancelling its task.
final class RunningPreview: @unchecked Sendable {
    let port: Int
    private let task: Task<Void, Error>

    private init(port: Int, task: Task<Void, Error>) {
        self.port = port
        self.task = task
    }

    /// Returns once the server says it listens, however long a loaded machine takes; a server
    /// that stops before that throws its error.
    static func start(_ server: PreviewServer) async throws -> RunningPreview {
        let (ports, ready) = AsyncStream<Int>.makeStream()
        let app = server.makeApplication { running in ready.yield(running.port) }
        let task = Task {
            defer { ready.finish() }
            try await app.runService(gracefulShutdownSignals: [])
        }
        for await port in ports { return RunningPreview(port: port, task: task) }
        try await task.value
        throw HardeningError.failed("the preview server stopped before it was ready")
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }
}

/// Runs blocking client code (raw sockets, waits) on its own thread, so it never occupies one of
/// the few threads of Swift's cooperative pool that an in-process server's handlers need. With
/// two cores, two blocked test tasks would otherwise starve the server and every request would time out.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
        }
        thread.stackSize = 4 << 20
        thread.start()
    }
}

/// Expectations gathered on another thread, reported to the current test afterwards.
final class Checks: @unchecked Sendable {
    private let failures = Locked<[String]>([])

    func expect(_ condition: Bool, _ message: @autoclosure () -> String = "", file: String = #fileID, line: Int = #line) {
        if !condition { failures.mutate { $0.append("\(file):\(line): \(message())") } }
    }

    var all: [String] { failures.value }
}
