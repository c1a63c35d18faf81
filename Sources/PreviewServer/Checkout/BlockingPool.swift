import NIOPosix
import Operations
import ServiceLifecycle

/// A bounded pool of threads for blocking work (SQLite writes with fsync, rebuilding pages under
/// the build lock), kept off Swift's cooperative pool, which has one thread per core: two blocked
/// handlers there would stall every other request, SSE and timeouts included.
///
/// The server owns it: its threads start with the server and, as one of the application's
/// services, stop once the server has drained (or when the last reference goes).
public final class BlockingPool: Service, Sendable {
    private let pool: NIOThreadPool

    public init(threads: Int) {
        pool = NIOThreadPool(numberOfThreads: max(1, threads))
        pool.start()
    }

    deinit { pool.shutdownGracefully { _ in } }

    /// Runs `body` on one of the pool's threads; waits in line when all are busy.
    func perform<T: Sendable>(_ body: @escaping @Sendable () throws(OperationError) -> T) async throws(OperationError) -> T {
        do {
            return try await pool.runIfActive { () throws -> T in try body() }
        } catch let error as OperationError {
            throw error
        } catch {
            // Shut down, or the request's task was cancelled before its turn: nothing ran.
            throw .stopping
        }
    }

    /// Waits for the server's graceful shutdown (the server stops before this service), then
    /// lets the work in progress finish and stops the threads.
    public func run() async throws {
        try? await gracefulShutdown()
        try await pool.shutdownGracefully()
    }
}
