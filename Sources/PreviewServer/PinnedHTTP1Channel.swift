import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1 channel, with each connection's requests handled on the connection's
/// own event loop (see `EventLoopTaskExecutor`). Blocking work must not run there: the
/// checkout already moves its ledger writes and rebuilds to `Offload`.
struct PinnedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http1: HTTP1Channel

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        http1.setup(channel: channel, logger: logger)
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
    /// `.http1(configuration:)`, pinned to the connections' event loops.
    static func pinnedHTTP1(configuration: HTTP1Channel.Configuration) -> HTTPServerBuilder {
        .init { responder in
            PinnedHTTP1Channel(http1: HTTP1Channel(responder: responder, configuration: configuration))
        }
    }
}
