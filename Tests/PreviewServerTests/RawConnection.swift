import NIOCore
import NIOPosix

/// One kept-alive loopback connection, used step by step inside `RawConnection.with`.
final class RawConnection {
    private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var pending: [UInt8] = []

    private init(inbound: NIOAsyncChannelInboundStream<ByteBuffer>, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) {
        self.inbound = inbound.makeAsyncIterator()
        self.outbound = outbound
    }

    static func with<T: Sendable>(port: Int, _ body: (RawConnection) async throws -> T) async throws -> T {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await body(RawConnection(inbound: inbound, outbound: outbound))
        }
    }

    func send(_ text: String) async throws {
        try await outbound.write(ByteBuffer(string: text))
    }

    /// The next response; throws when the server closes first.
    func response(method: String = "GET") async throws -> RawResponse {
        while true {
            if let (response, rest) = try RawResponse.parseFirst(pending[...], isHead: method == "HEAD") {
                pending = Array(rest)
                return response
            }
            guard let chunk = try await inbound.next() else { throw LiveServerError("closed before a response") }
            pending += chunk.readableBytesView
        }
    }

    /// Reads until the text received so far satisfies `enough` (a stream's next event); throws
    /// when the server closes first.
    func text(until enough: (String) -> Bool) async throws -> String {
        while !enough(String(decoding: pending, as: UTF8.self)) {
            guard let chunk = try await inbound.next() else { throw LiveServerError("closed before the text expected") }
            pending += chunk.readableBytesView
        }
        return String(decoding: pending, as: UTF8.self)
    }

    /// Waits for the server to close; returns the bytes it sent before (none expected).
    func untilClosed() async throws -> [UInt8] {
        while let chunk = try await inbound.next() { pending += chunk.readableBytesView }
        return pending
    }
}
