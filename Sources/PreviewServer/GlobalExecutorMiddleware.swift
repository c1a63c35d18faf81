import Hummingbird

/// Runs the routes behind the static site (checkout pages and API, live reload) on Swift's
/// global pool, not on the connection's event loop: they load records and
/// themes from disk and render templates, which must not hold up the loop's other connections.
struct GlobalExecutorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if #available(macOS 15.0, *) {
            return try await withTaskExecutorPreference(globalConcurrentExecutor) {
                try await next(request, context)
            }
        }
        return try await next(request, context)
    }
}
