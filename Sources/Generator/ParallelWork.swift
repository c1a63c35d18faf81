import Dispatch
import Synchronization

/// Runs `body(0..<count)` on `workers` threads; each worker takes the next index, so a slow
/// page does not hold up a fixed share of the work.
enum ParallelWork {
    static func run(_ count: Int, workers: Int, _ body: @Sendable (Int) -> Void) {
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

    /// `body(0..<count)` on `workers` threads, results in index order.
    static func map<T: Sendable>(_ count: Int, workers: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let slots = Mutex<[T?]>(Array(repeating: nil, count: count))
        run(count, workers: workers) { i in
            let value = body(i)
            slots.withLock { $0[i] = value }
        }
        return slots.withLock { $0.map { $0! } }
    }
}

/// Renders one batch in the background while the caller prepares the next (reading records
/// and the ledger is serial work): on two cores the workers no longer wait for the reader.
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
