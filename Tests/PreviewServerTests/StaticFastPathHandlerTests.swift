import HTTPTypes
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Testing
@testable import PreviewServer

/// The fast path's handler alone, in an embedded pipeline: what it answers, what it passes on to
/// Hummingbird (read back as inbound parts), and in which order, step by step.
@Suite struct StaticFastPathHandlerTests {
    /// Records close requests: an embedded channel closes entirely whatever the mode.
    final class CloseRecorder: ChannelOutboundHandler {
        typealias OutboundIn = Any
        var modes: [CloseMode] = []

        func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
            modes.append(mode)
            promise?.succeed(())
        }
    }

    struct Harness {
        let channel: EmbeddedChannel
        let counter: StaticFastPath.Counter
        let closes: CloseRecorder

        func send(_ parts: HTTPRequestPart...) throws {
            for part in parts { try channel.writeInbound(part) }
        }

        /// What Hummingbird was given.
        func forwarded() throws -> [HTTPRequestPart] {
            var parts: [HTTPRequestPart] = []
            while let part = try channel.readInbound(as: HTTPRequestPart.self) { parts.append(part) }
            return parts
        }

        /// What went out to the client.
        func written() throws -> [HTTPResponsePart] {
            var parts: [HTTPResponsePart] = []
            while let part = try channel.readOutbound(as: HTTPResponsePart.self) { parts.append(part) }
            return parts
        }

        /// Hummingbird answering one of the requests passed on.
        func routerResponds() throws {
            try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .ok)))
            try channel.writeOutbound(HTTPResponsePart.end(nil))
        }
    }

    func withHarness(_ body: (Harness) throws -> Void) async throws {
        try await TempSite.with { site in
            let counter = StaticFastPath.Counter()
            let fastPath = StaticFastPath(
                site: StaticSite(configuration: site.configuration()), passThrough: PassThroughPrefixes(["/api"]), counter: counter)
            let closes = CloseRecorder()
            let channel = EmbeddedChannel()
            try channel.pipeline.syncOperations.addHandlers([closes, fastPath.makeHandler()])
            try body(Harness(channel: channel, counter: counter, closes: closes))
        }
    }

    static func head(_ path: String, method: HTTPRequest.Method = .get, _ fields: HTTPFields = [:]) -> HTTPRequestPart {
        .head(HTTPRequest(method: method, scheme: "http", authority: "127.0.0.1", path: path, headerFields: fields))
    }

    @Test func answersAStaticRequestItself() async throws {
        try await withHarness { harness in
            try harness.send(Self.head("/style.css"), .end(nil))
            #expect(try harness.forwarded().isEmpty)
            let written = try harness.written()
            #expect(written.count == 3)
            guard written.count == 3, case .head(let head) = written[0], case .body(let body) = written[1], case .end = written[2] else {
                Issue.record("not head, body, end: \(written)")
                return
            }
            #expect(head.status == .ok)
            #expect(head.headerFields[.contentLength] == "6")
            #expect(head.headerFields[.xContentTypeOptions] == "nosniff")
            #expect(head.headerFields[.date] != nil)
            #expect(String(buffer: body) == "body{}")
            #expect(harness.counter.count == 1)
        }
    }

    @Test func requestsBehindARouteWaitForItsResponse() async throws {
        try await withHarness { harness in
            try harness.send(Self.head("/api/slow"), .end(nil), Self.head("/style.css"), .end(nil))
            // Both go to Hummingbird, in order: answering the second here would overtake the first.
            #expect(try harness.forwarded() == [Self.head("/api/slow"), .end(nil), Self.head("/style.css"), .end(nil)])
            #expect(try harness.written().isEmpty)
            try harness.routerResponds()
            #expect(try harness.written().count == 2)
            try harness.send(Self.head("/"), .end(nil))
            #expect(try harness.forwarded().count == 2, "the second response is still due")
            try harness.routerResponds()
            try harness.routerResponds()
            #expect(try harness.written().count == 4)
            try harness.send(Self.head("/"), .end(nil))
            #expect(try harness.forwarded().isEmpty)
            #expect(try harness.written().count == 3)
            #expect(harness.counter.count == 1)
        }
    }

    @Test func requestsWithABodyGoToTheRouter() async throws {
        try await withHarness { harness in
            let head = Self.head("/", method: .post, [.contentLength: "3"])
            try harness.send(head, .body(ByteBuffer(string: "abc")), .end(nil))
            #expect(try harness.forwarded() == [head, .body(ByteBuffer(string: "abc")), .end(nil)])
            #expect(harness.counter.count == 0)
        }
    }

    @Test func aClientNotReadingGoesToTheRouter() async throws {
        try await withHarness { harness in
            harness.channel.isWritable = false
            try harness.send(Self.head("/style.css"), .end(nil))
            #expect(try harness.forwarded() == [Self.head("/style.css"), .end(nil)])
            #expect(harness.counter.count == 0)
        }
    }

    @Test func connectionCloseIsAnsweredThenNothingMoreIsRead() async throws {
        try await withHarness { harness in
            try harness.send(Self.head("/", [.connection: "close"]), .end(nil), Self.head("/style.css"), .end(nil))
            #expect(try harness.written().count == 3)
            #expect(harness.closes.modes == [.output])
            #expect(try harness.forwarded().isEmpty)
            #expect(harness.counter.count == 1)
        }
    }

    @Test func connectionCloseOnARouteStopsReadingToo() async throws {
        try await withHarness { harness in
            try harness.send(Self.head("/api/x", [.connection: "close"]), .end(nil), Self.head("/style.css"), .end(nil))
            #expect(try harness.forwarded() == [Self.head("/api/x", [.connection: "close"]), .end(nil)])
            try harness.routerResponds()
            try harness.send(Self.head("/"), .end(nil))
            #expect(try harness.forwarded().isEmpty)
            #expect(try harness.written().count == 2)
            #expect(harness.counter.count == 0)
        }
    }

    @Test(arguments: [
        (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"),
        (0, "Thu, 01 Jan 1970 00:00:00 GMT"),
        (1_772_323_200, "Sun, 01 Mar 2026 00:00:00 GMT"),
        (1_798_761_599, "Thu, 31 Dec 2026 23:59:59 GMT"),
    ])
    func dateHeaderFormat(seconds: Int, expected: String) {
        #expect(HTTPDate.format(seconds) == expected)
    }
}
