import Dispatch
import Operations

/// Runs blocking work (SQLite writes with fsync, rebuilding pages under the build lock) on a
/// Dispatch queue instead of Swift's cooperative pool, which has one thread per core here: two
/// blocked handlers would otherwise stall every other request, SSE and timeouts included.
enum Offload {
    static let queue = DispatchQueue(label: "paypage.checkout.blocking", attributes: .concurrent)

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws(OperationError) -> T) async throws(OperationError) -> T {
        let result: Result<T, OperationError> = await withCheckedContinuation { continuation in
            queue.async {
                do throws(OperationError) { continuation.resume(returning: .success(try body())) } catch { continuation.resume(returning: .failure(error)) }
            }
        }
        return try result.get()
    }
}
