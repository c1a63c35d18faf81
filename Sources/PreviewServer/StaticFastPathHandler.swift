import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTPTypes

/// One connection's fast path (see `StaticFastPath`): answers static requests on the event
/// loop as they are read, and passes every other part on to Hummingbird unchanged.
///
/// It sits right after Hummingbird's `HTTPConnectionStateHandler`, so that handler still sees
/// every request and response, fast or not: its idle timeout, its count of requests in
/// progress and its close once they are done after a graceful shutdown began cover fast
/// requests too.
final class StaticFastPathHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private enum State {
        /// Between requests.
        case idle
        /// A candidate's head, kept until its end (anything else sends it on to Hummingbird).
        case holding(Request)
        /// The current request's parts go to Hummingbird.
        case forwarding(closesConnection: Bool)
        /// A `Connection: close` request was read to its end: Hummingbird reads nothing after
        /// one, so neither does this handler.
        case closed
    }

    private let fastPath: StaticFastPath
    private var state = State.idle
    /// Requests sent on to Hummingbird whose response has not ended yet. While there is one,
    /// answering here would overtake it (pipelining): later requests follow it instead.
    private var responsesPending = 0
    private var date = HTTPDate()

    init(fastPath: StaticFastPath) {
        self.fastPath = fastPath
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        switch state {
        case .closed:
            return
        case .idle:
            guard case .head(let head) = part else { return context.fireChannelRead(data) }
            if responsesPending == 0, let request = fastPath.candidate(head) {
                state = .holding(request)
            } else {
                forward(head, context: context)
            }
        case .holding(let request):
            if case .end = part, responsesPending == 0, context.channel.isWritable {
                answer(request, context: context)
            } else {
                // A body, or a client not reading its answers: Hummingbird applies the limits
                // and the backpressure.
                forward(request.head, context: context)
                channelRead(context: context, data: data)
            }
        case .forwarding(let closesConnection):
            context.fireChannelRead(data)
            if case .end = part { state = closesConnection ? .closed : .idle }
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data), responsesPending > 0 {
            responsesPending -= 1
        }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        releaseHeldRequest(context: context)
        context.fireErrorCaught(error)
    }

    /// The end of the client's input arrives as this event (Hummingbird's state handler, before
    /// this one, does not pass `channelInactive` on).
    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed {
            releaseHeldRequest(context: context)
        }
        context.fireUserInboundEventTriggered(event)
    }

    /// Before an error or the end of input reaches Hummingbird: it would have had the head.
    private func releaseHeldRequest(context: ChannelHandlerContext) {
        if case .holding(let request) = state {
            forward(request.head, context: context)
        }
    }

    private func forward(_ head: HTTPRequest, context: ChannelHandlerContext) {
        responsesPending += 1
        state = .forwarding(closesConnection: Self.closesConnection(head))
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    private func answer(_ request: Request, context: ChannelHandlerContext) {
        var (response, body) = fastPath.respond(to: request)
        fastPath.counter.increment()  // before the client can see the answer
        // What `Application` adds after the router (it adds no Server header: none is configured).
        response.headers[.date] = date.now()
        context.write(wrapOutboundOut(.head(response.head)), promise: nil)
        if let body {
            context.write(wrapOutboundOut(.body(body)), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        if Self.closesConnection(request.head) {
            state = .closed
            // Hummingbird finishes its outbound stream at this point, which shuts down the
            // socket's sending side once the response is out.
            context.close(mode: .output, promise: nil)
        } else {
            state = .idle
        }
    }

    /// Hummingbird's own test (`HTTPChannelHandler.handleHTTP`), exactly: a different spelling
    /// keeps the connection open there, so it must here too.
    private static func closesConnection(_ head: HTTPRequest) -> Bool {
        head.headerFields[.connection] == "close"
    }
}
