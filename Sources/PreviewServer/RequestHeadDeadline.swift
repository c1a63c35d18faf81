import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// A deadline for a whole request head (request line and headers), counted from its first byte.
///
/// Hummingbird's idle timeout starts again on every byte read, so a client sending its head a
/// byte at a time would keep its connection forever. Two handlers share this state: `bytes`,
/// first in the pipeline, starts the clock when bytes arrive between requests; `parts`, after
/// the HTTP decoder, stops it when the decoded head arrives and re-arms it after the request's
/// end. A kept-alive connection waiting for its next request has no clock running: its idle time
/// is the idle timeout's. Both the static fast path and Hummingbird's router come after it.
final class RequestHeadDeadline {
    private let limit: TimeAmount
    /// No request is in progress: the next byte read starts a head.
    private var betweenRequests = true
    /// When the head in progress began; nil when no head is in progress.
    private var headStarted: NIODeadline?
    /// One timer per connection, armed when a head starts and none is pending. When it fires it
    /// re-arms itself for the head then in progress, if any, rather than being cancelled and
    /// scheduled again for every request: that churn was 4 % of a static request's time (perf,
    /// `paypage-bench` serving a payment page at 64 connections).
    private var timer: Scheduled<Void>?

    init(_ limit: TimeAmount) {
        self.limit = limit
    }

    /// The handler to put first in the pipeline (it reads the raw bytes).
    var bytes: BytesHandler { BytesHandler(deadline: self) }

    /// The handler to put after the HTTP decoder (it reads the decoded request parts).
    var parts: PartsHandler { PartsHandler(deadline: self) }

    fileprivate func bytesArrived(_ context: ChannelHandlerContext) {
        guard betweenRequests, headStarted == nil else { return }
        // The loop's clock, not the system's: an embedded loop's virtual time in tests.
        let now = context.eventLoop.now
        headStarted = now
        if timer == nil { arm(channel: context.channel, loop: context.eventLoop, at: now + limit) }
    }

    private func arm(channel: any Channel, loop: any EventLoop, at deadline: NIODeadline) {
        let bound = NIOLoopBound(self, eventLoop: loop)
        timer = loop.scheduleTask(deadline: deadline) { bound.value.fired(channel: channel, loop: loop) }
    }

    private func fired(channel: any Channel, loop: any EventLoop) {
        timer = nil
        // Between heads: the connection's idle time is the idle timeout's business.
        guard let started = headStarted else { return }
        let due = started + limit
        if due <= loop.now { channel.close(promise: nil) } else { arm(channel: channel, loop: loop, at: due) }
    }

    fileprivate func headArrived() {
        betweenRequests = false
        headStarted = nil
    }

    fileprivate func requestEnded() {
        betweenRequests = true
    }

    fileprivate func stop() {
        timer?.cancel()
        timer = nil
        headStarted = nil
    }

    final class BytesHandler: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = ByteBuffer
        typealias InboundOut = ByteBuffer

        private let deadline: RequestHeadDeadline

        fileprivate init(deadline: RequestHeadDeadline) {
            self.deadline = deadline
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            if unwrapInboundIn(data).readableBytes > 0 { deadline.bytesArrived(context) }
            context.fireChannelRead(data)
        }

        func channelInactive(context: ChannelHandlerContext) {
            deadline.stop()
            context.fireChannelInactive()
        }

        func handlerRemoved(context: ChannelHandlerContext) {
            deadline.stop()
        }
    }

    final class PartsHandler: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPRequestPart
        typealias InboundOut = HTTPRequestPart

        private let deadline: RequestHeadDeadline

        fileprivate init(deadline: RequestHeadDeadline) {
            self.deadline = deadline
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head: deadline.headArrived()
            case .body: break
            case .end: deadline.requestEnded()
            }
            context.fireChannelRead(data)
        }
    }
}
