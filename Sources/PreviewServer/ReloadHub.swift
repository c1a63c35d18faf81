/// Broadcasts live-reload events to every connected `/__reload` client.
package actor ReloadHub {
    private var subscribers: [Int: AsyncStream<ReloadEvent>.Continuation] = [:]
    private var nextID = 0
    private var closed = false
    private var heartbeat: Task<Void, Never>?
    private let heartbeatInterval: Duration

    package init(heartbeatInterval: Duration = .seconds(15)) {
        self.heartbeatInterval = heartbeatInterval
    }

    /// A stream of events for one client; it ends when the hub closes.
    package func subscribe() -> AsyncStream<ReloadEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: ReloadEvent.self, bufferingPolicy: .bufferingNewest(16))
        guard !closed else {
            continuation.finish()
            return stream
        }
        let id = nextID
        nextID += 1
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        startHeartbeatIfNeeded()
        return stream
    }

    package var subscriberCount: Int { subscribers.count }

    package func broadcast(_ event: ReloadEvent) {
        for continuation in subscribers.values { continuation.yield(event) }
    }

    /// Ends every stream so open SSE responses finish and the server can shut down.
    package func close() {
        closed = true
        heartbeat?.cancel()
        heartbeat = nil
        let open = subscribers.values
        subscribers.removeAll()
        for continuation in open { continuation.finish() }
    }

    private func remove(_ id: Int) {
        subscribers[id] = nil
        if subscribers.isEmpty {
            heartbeat?.cancel()
            heartbeat = nil
        }
    }

    /// One timer for all clients, running only while someone listens.
    private func startHeartbeatIfNeeded() {
        guard heartbeat == nil else { return }
        let interval = heartbeatInterval
        heartbeat = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard !Task.isCancelled, let self else { return }
                await self.broadcast(.heartbeat)
            }
        }
    }
}
