import Dispatch

/// Runs blocking work (bcrypt, SQLite writes with fsync) on Dispatch's threads instead of
/// Swift's cooperative pool, which has one thread per core: a sign-in must not stall every
/// other request. CPU-bound work on this queue is limited to the cores by Dispatch.
enum BlockingWork {
    static let queue = DispatchQueue(label: "paypage.staff.blocking", attributes: .concurrent)

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws(StaffError) -> T) async throws(StaffError) -> T {
        let result: Result<T, StaffError> = await withCheckedContinuation { continuation in
            queue.async {
                do throws(StaffError) { continuation.resume(returning: .success(try body())) } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }
}
