import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1 channel, with each connection's requests handled on the connection's
/// own event loop (see `EventLoopTaskExecutor`), and static requests answered in its pipeline
/// when `fastPath` is set (see `StaticFastPath`). Blocking work must not run on the loop: the
/// checkout already moves its ledger writes and rebuilds to `Offload`.
struct PinnedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http1: HTTP1Channel
    let fastPath: StaticFastPath?

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let value = http1.setup(channel: channel, logger: logger)
        guard let fastPath else { return value }
        // `setup` built the pipeline synchronously and returned a completed future, so this runs
        // at once, on the channel's loop, before anything is read.
        return value.flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            // Not through `additionalChannelHandlers`, which go before the state handler: after
            // it, its idle timeout and request count see the fast path's requests too.
            let connectionState = try pipeline.handler(type: HTTPConnectionStateHandler.self)
            try pipeline.addHandler(fastPath.makeHandler(), position: .after(connectionState))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        if #available(macOS 15.0, *) {
            await withTaskExecutorPreference(EventLoopTaskExecutor(value.channel.eventLoop)) {
                await http1.handle(value: value, logger: logger)
            }
        } else {
            await http1.handle(value: value, logger: logger)
        }
    }
}

extension HTTPServerBuilder {
    /// `.http1(configuration:)`, pinned to the connections' event loops, with `fastPath` (if
    /// any) answering static requests before Hummingbird's request handling.
    static func pinnedHTTP1(configuration: HTTP1Channel.Configuration, fastPath: StaticFastPath?) -> HTTPServerBuilder {
        .init { responder in
            PinnedHTTP1Channel(http1: HTTP1Channel(responder: responder, configuration: configuration), fastPath: fastPath)
        }
    }
}
