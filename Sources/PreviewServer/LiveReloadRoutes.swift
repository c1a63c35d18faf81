import Hummingbird

/// `/__reload.js` (the overlay script) and `/__reload` (the Server-Sent Events stream).
struct LiveReloadRoutes: Sendable {
    let hub: ReloadHub

    func add(to router: Router<PreviewRequestContext>) {
        let script: @Sendable (Request, PreviewRequestContext) -> Response = { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: LiveReloadScript.source))
            )
        }
        router.get(RouterPath(LiveReloadScript.path), use: script)
        router.head(RouterPath(LiveReloadScript.path), use: script)
        let hub = hub
        router.get(RouterPath(LiveReloadScript.eventsPath)) { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody { writer in
                    let events = await hub.subscribe()
                    // Reconnect quickly after a restart of the server.
                    try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
                    for await event in events {
                        try await writer.write(ByteBuffer(string: event.serverSentEvent))
                    }
                    try await writer.finish(nil)
                }
            )
        }
    }
}
