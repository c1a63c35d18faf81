import Hummingbird

/// Refuses request bodies over the limit with 413 before any handler sees them, but for the
/// POST paths in `handlerLimited`: their handlers check the session and CSRF token first, then
/// apply a larger limit of their own (the console's import upload).
struct RequestLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let maxBodySize: Int
    var handlerLimited: Set<String> = []

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method == .post, handlerLimited.contains(request.uri.path) {
            return try await next(request, context)
        }
        if let declared = request.headers[.contentLength] {
            guard let length = Int(declared), length >= 0 else { throw HTTPError(.badRequest) }
            guard length <= maxBodySize else { throw HTTPError(.contentTooLarge) }
            return try await next(request, context)
        }
        if request.headers[.transferEncoding] != nil {
            // Chunked: the size is known only by reading, so read up to the limit (throws 413 past it).
            var request = request
            _ = try await request.collectBody(upTo: maxBodySize)
            return try await next(request, context)
        }
        return try await next(request, context)
    }
}
