import Hummingbird

/// What the static site answers: Hummingbird's `Response`, and its body's bytes.
///
/// A `Response`'s body can only be written asynchronously, so the bytes are kept beside it for
/// the fast path (`StaticFastPath`), which writes them itself, synchronously. The `Response` is
/// made here, once, by Hummingbird's own initializer (which adds Content-Length), so both paths
/// start from the same headers in the same order.
struct StaticResponse {
    var response: Response
    /// The body as given; nil for a response without one (a redirect).
    let body: ByteBuffer?

    init(status: HTTPResponse.Status, headers: HTTPFields = [:], body: ByteBuffer? = nil) {
        self.response = Response(status: status, headers: headers, body: body.map { .init(byteBuffer: $0) } ?? .init())
        self.body = body
    }

    var headers: HTTPFields {
        get { response.headers }
        set { response.headers = newValue }
    }
}
