import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1 channel, with each connection's requests handled on the connection's
/// own event loop (see `EventLoopTaskExecutor`), and static requests answered in its pipeline
/// when `fastPath` is set (see `StaticFastPath`). Blocking work must not run on the loop: the
/// checkout runs its ledger writes and rebuilds on the server's `BlockingPool`.
struct PinnedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http1: HTTP1Channel
    let headDeadline: TimeAmount
    let fastPath: StaticFastPath?

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let value = http1.setup(channel: channel, logger: logger)
        // `setup` built the pipeline synchronously and returned a completed future, so this runs
        // at once, on the channel's loop, before anything is read.
        return value.flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let connectionState = try pipeline.handler(type: HTTPConnectionStateHandler.self)
            // Before the fast path and the router alike: both get only heads that came in time.
            let deadline = RequestHeadDeadline(headDeadline)
            try pipeline.addHandler(deadline.bytes, position: .first)
            try pipeline.addHandler(deadline.parts, position: .before(connectionState))
            // Not through `additionalChannelHandlers`, which go before the state handler: after
            // it, its idle timeout and request count see the fast path's requests too.
            if let fastPath {
                try pipeline.addHandler(fastPath.makeHandler(), position: .after(connectionState))
            }
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
    /// `.http1(configuration:)`, pinned to the connections' event loops, with a deadline for each
    /// request head and `fastPath` (if any) answering static requests before Hummingbird's
    /// request handling.
    static func pinnedHTTP1(configuration: HTTP1Channel.Configuration, headDeadline: TimeAmount,
                            fastPath: StaticFastPath?) -> HTTPServerBuilder {
        .init { responder in
            PinnedHTTP1Channel(http1: HTTP1Channel(responder: responder, configuration: configuration),
                               headDeadline: headDeadline, fastPath: fastPath)
        }
    }
}
