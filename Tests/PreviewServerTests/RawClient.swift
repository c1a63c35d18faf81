import NIOCore
import NIOPosix

/// HTTP/1 over a plain loopback TCP connection: the request bytes go out exactly as written
/// (pipelined when several are), and the answer is read byte for byte.
enum RawClient {
    /// Sends `request`, then reads until `enough` says the bytes so far suffice, or the server
    /// closes. `closed` tells which. Fails after `timeout`.
    /// With `probe`, once the bytes suffice the probe is sent on the same connection: `closed`
    /// then says whether the server had closed it (no answer to the probe) or kept it alive.
    static func exchange(
        port: Int, _ request: String, probe: String? = nil, timeout: Duration = .seconds(60),
        enough: @escaping @Sendable ([UInt8]) -> Bool
    ) async throws -> (bytes: [UInt8], closed: Bool) {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(ChannelOptions.tcpOption(.tcp_nodelay), value: 1)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await withThrowingTaskGroup(of: (bytes: [UInt8], closed: Bool)?.self) { group in
            group.addTask {
                try await channel.executeThenClose { inbound, outbound in
                    try await outbound.write(ByteBuffer(string: request))
                    var bytes: [UInt8] = []
                    var answered = false
                    for try await chunk in inbound {
                        if answered { return (bytes, false) }  // the probe got an answer
                        bytes += chunk.readableBytesView
                        guard enough(bytes) else { continue }
                        guard let probe else { return (bytes, false) }
                        answered = true
                        do { try await outbound.write(ByteBuffer(string: probe)) } catch { return (bytes, true) }
                    }
                    return (bytes, true)
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let result = try await group.next() ?? nil else {
                channel.channel.close(promise: nil)
                throw LiveServerError("no complete answer to \(request.debugDescription) within \(timeout)")
            }
            return result
        }
    }

    /// Sends the requests on one connection, all at once, and reads `methods.count` responses
    /// (HEAD responses have no body); with `untilClosed`, reads on until the server closes.
    static func responses(
        port: Int, _ requests: String, methods: [String], untilClosed: Bool = false
    ) async throws -> (responses: [RawResponse], closed: Bool) {
        // Under /api/: always the router's, so the fast path's count stays the requests' own.
        let probe = untilClosed ? nil : "GET /api/probe HTTP/1.1\r\nHost: localhost\r\n\r\n"
        let (bytes, closed) = try await exchange(port: port, requests, probe: probe) { bytes in
            !untilClosed && (try? RawResponse.parseAll(bytes, methods: methods))?.count == methods.count
        }
        return (try RawResponse.parseAll(bytes, methods: methods), closed)
    }
}
