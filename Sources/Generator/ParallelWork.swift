import Dispatch
import Synchronization

/// Runs `body(0..<count)` on `workers` threads; each worker takes the next index, so a slow
/// page does not hold up a fixed share of the work.
enum ParallelWork {
    static func run(_ count: Int, workers: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        if workers == 1 || count == 1 {
            for i in 0..<count { body(i) }
            return
        }
        let next = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: min(workers, count)) { _ in
            while let index = next.withLock({ value -> Int? in
                guard value < count else { return nil }
                defer { value += 1 }
                return value
            }) { body(index) }
        }
    }
}
