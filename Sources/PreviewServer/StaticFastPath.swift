import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// Static requests answered in the channel pipeline, before Hummingbird's async machinery.
///
/// Through Hummingbird a cached page costs ~50 µs of CPU (a task per request, hops between the
/// event loop and the task, the middleware chain), which under load shows as tail latency. The
/// static site needs none of it: its answer is synchronous. So `StaticFastPathHandler` answers
/// here what the router would answer with the static site, with the same code
/// (`StaticSite.respond`, then `ResponsePolicy.finish`), and leaves everything else to the router.
struct StaticFastPath: Sendable {
    let site: StaticSite
    let passThrough: PassThroughPrefixes
    let counter: Counter

    /// The request to answer here, or nil to leave it to the router: requests that have a body
    /// (the router enforces its size limit) and paths that belong to routes.
    ///
    /// Any method: the static site answers all of them (405 for all but GET and HEAD).
    func candidate(_ head: HTTPRequest) -> Request? {
        guard head.headerFields[.contentLength] == nil, head.headerFields[.transferEncoding] == nil else { return nil }
        // Built as Hummingbird builds it, so the path and query are parsed the same way.
        let request = Request(head: head, body: .init(buffer: ByteBuffer()))
        guard !passThrough.contains(request.uri.path) else { return nil }
        return request
    }

    /// The router's response to `request`, without the Date header (`Application` adds that
    /// after the router), and the bytes of its body when it has one to send.
    func respond(to request: Request) -> (response: Response, body: ByteBuffer?) {
        let answer = site.respond(to: request)
        var response = answer.response
        let sendsBody = ResponsePolicy.finish(&response, for: request)
        return (response, sendsBody ? answer.body : nil)
    }

    func makeHandler() -> StaticFastPathHandler {
        StaticFastPathHandler(fastPath: self)
    }

    /// Requests answered by the fast path, over all connections (tests check it is taken).
    final class Counter: Sendable {
        private let served = Atomic<Int>(0)

        var count: Int { served.load(ordering: .relaxed) }

        func increment() {
            served.add(1, ordering: .relaxed)
        }
    }
}
