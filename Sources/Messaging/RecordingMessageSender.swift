import Synchronization

/// A `MessageSender` for tests: keeps every message in memory, returns `memory-1`, `memory-2`…
///
/// A `Mutex` keeps it `Sendable` without `@unchecked`, and usable from the synchronous
/// `send` (an actor could not satisfy a synchronous requirement).
@available(macOS 15.0, *)
package final class RecordingMessageSender: MessageSender {
    private struct State {
        var sent: [OutgoingMessage] = []
        var failure: (any Error & Sendable)?
    }

    private let state = Mutex(State())

    package init() {}

    package func send(_ message: OutgoingMessage) throws -> SentMessageID {
        try state.withLock { state in
            if let failure = state.failure { throw failure }
            state.sent.append(message)
            return SentMessageID("memory-\(state.sent.count)")
        }
    }

    /// Everything accepted so far, in order.
    package var sent: [OutgoingMessage] {
        state.withLock { $0.sent }
    }

    /// Makes every following `send` throw `error` (nil to accept again), to test callers'
    /// handling of a failed outbox write.
    package func failSends(with error: (any Error & Sendable)?) {
        state.withLock { $0.failure = error }
    }
}
