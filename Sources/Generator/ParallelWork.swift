import Dispatch
import Foundation
import Synchronization

/// Runs `body(0..<count)` on `workers` threads; each worker takes the next index, so a slow
/// page does not hold up a fixed share of the work.
///
/// Threads of its own, not `DispatchQueue.concurrentPerform`: two of those at once (records
/// parsed while the last batch renders) shared Dispatch's pool, and one of them often ran on
/// its calling thread alone — a build used 1.3 of 2 cores.
enum ParallelWork {
    private final class Counter: Sendable {
        private let next = Mutex(0)
        func take(below limit: Int) -> Int? {
            next.withLock { value in
                guard value < limit else { return nil }
                defer { value += 1 }
                return value
            }
        }
    }

    static func run(_ count: Int, workers: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let threads = min(workers, count)
        guard threads > 1 else {
            for i in 0..<count { body(i) }
            return
        }
        let counter = Counter()
        let group = DispatchGroup()
        let work: @Sendable () -> Void = { while let i = counter.take(below: count) { body(i) } }
        for _ in 1..<threads {
            group.enter()
            Thread {
                work()
                group.leave()
            }.start()
        }
        work()
        group.wait()
    }

    /// Results of `map`, filled by index from any worker.
    private final class Slots<T: Sendable>: Sendable {
        let values: Mutex<[T?]>
        init(_ count: Int) { values = Mutex(Array(repeating: nil, count: count)) }
    }

    /// `body(0..<count)` on `workers` threads, results in index order.
    static func map<T: Sendable>(_ count: Int, workers: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(count)
        run(count, workers: workers) { i in
            let value = body(i)
            slots.values.withLock { $0[i] = value }
        }
        return slots.values.withLock { $0.map { $0! } }
    }
}

/// Renders one batch in the background while the caller prepares the next (reading records
/// and the ledger is serial work), so that on two cores the workers do not wait for the reader.
/// At most one batch renders at a time, so memory holds two batches at most.
struct RenderPipeline: Sendable {
    private let group = DispatchGroup()
    let workers: Int

    init(workers: Int) { self.workers = workers }

    /// Waits for the previous batch, then starts this one.
    func submit(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        group.wait()
        guard count > 0 else { return }
        let workers = self.workers
        DispatchQueue.global().async(group: group) { ParallelWork.run(count, workers: workers, body) }
    }

    /// Waits for the last batch.
    func finish() { group.wait() }
}
