import ServiceLifecycle

/// Runs beside the HTTP server: turns watched changes into rebuilds and rebuild
/// results into reload or error events. On graceful shutdown it closes the hub
/// first, so open `/__reload` streams end and the server can finish its requests.
struct ReloadService: Service {
    let changes: AsyncStream<[String]>?
    let hub: ReloadHub
    let rebuild: @Sendable ([String]) async -> RebuildResult

    func run() async throws {
        if let changes {
            let hub = hub
            let rebuild = rebuild
            await cancelWhenGracefulShutdown {
                for await batch in changes {
                    switch await rebuild(batch) {
                    case .ok: await hub.broadcast(.reload)
                    case .failed(let message): await hub.broadcast(.error(message))
                    }
                }
            }
        }
        // Returning early would stop the whole group: wait for shutdown like the server.
        try? await gracefulShutdown()
        await hub.close()
    }
}
