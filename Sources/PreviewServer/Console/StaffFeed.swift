import Billing
import Foundation
import Operations
import Store

/// The payments staff hear about live: polls the ledger's newest notification id (one cheap
/// read a second, on the server's `BlockingPool`) while anyone listens, so payments recorded
/// by any process (this server's checkout, `paypage pay`, another server) reach every open
/// console page. Separate from live reload: it runs with `--no-reload` too.
package actor StaffFeed {
    /// What one open `/staff/events` stream receives.
    enum Event: Sendable {
        case payments([LivePayment])
        /// Time to check the session and send a heartbeat comment.
        case tick
    }

    private struct Listener {
        var sessionID: String
        var continuation: AsyncStream<Event>.Continuation
        /// The newest notification this listener has been sent (or had when it came).
        var seen: Int64
    }

    private let pool: BlockingPool
    private let services: @Sendable () throws(OperationError) -> RequestService
    private let pollInterval: Duration
    let heartbeatInterval: Duration
    private var listeners: [Int: Listener] = [:]
    private var nextID = 0
    private var poller: Task<Void, Never>?

    package init(pool: BlockingPool, services: @escaping @Sendable () throws(OperationError) -> RequestService,
                 pollInterval: Duration = .seconds(1), heartbeatInterval: Duration = .seconds(15)) {
        self.pool = pool
        self.services = services
        self.pollInterval = pollInterval
        self.heartbeatInterval = heartbeatInterval
    }

    /// Adds a listener for the session behind `sessionID`, to hear of every notification after
    /// `seen`; returns its number for `unsubscribe`.
    func subscribe(sessionID: String, after seen: Int64, _ continuation: AsyncStream<Event>.Continuation) -> Int {
        let id = nextID
        nextID += 1
        listeners[id] = Listener(sessionID: sessionID, continuation: continuation, seen: seen)
        if poller == nil {
            poller = Task { [weak self] in await self?.poll() }
        }
        return id
    }

    func unsubscribe(_ id: Int) {
        listeners[id] = nil
    }

    var listenerCount: Int { listeners.count }

    /// Ends the streams of one session at once (it signed out here).
    func end(sessionID: String) {
        for (id, listener) in listeners where listener.sessionID == sessionID {
            listener.continuation.finish()
            listeners[id] = nil
        }
    }

    /// The newest notification's id now (where a new listener starts), on the pool.
    func latest() async -> Int64 {
        let services = services
        return (try? await pool.perform { () throws(OperationError) -> Int64 in
            let ledger = try services().ledger
            do throws(StoreError) { return try ledger.latestNotificationID() } catch { throw .store(error) }
        }) ?? 0
    }

    private func poll() async {
        while !listeners.isEmpty, !Task.isCancelled {
            let services = services
            let floor = listeners.values.map(\.seen).min() ?? 0
            let found = try? await pool.perform { () throws(OperationError) -> (Int64, [LivePayment]) in
                let service = try services()
                let latest: Int64
                do throws(StoreError) { latest = try service.ledger.latestNotificationID() } catch { throw .store(error) }
                guard latest > floor else { return (latest, []) }
                return (latest, try LivePayment.read(after: floor, service))
            }
            if let (latest, payments) = found {
                for (id, var listener) in listeners {
                    let new = payments.filter { $0.id > listener.seen }
                    if !new.isEmpty { listener.continuation.yield(.payments(new)) }
                    listener.seen = max(listener.seen, latest)
                    listeners[id] = listener
                }
            }
            try? await Task.sleep(for: pollInterval)
        }
        poller = nil
    }
}
