import Hummingbird

/// Hands every request to the static site except those under prefixes that belong
/// to routes (live reload, the checkout API): those go on to the router.
struct StaticSiteMiddleware<Context: RequestContext>: RouterMiddleware {
    let site: StaticSite
    let passThrough: PassThroughPrefixes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if passThrough.contains(request.uri.path) {
            return try await next(request, context)
        }
        return site.respond(to: request).response
    }
}
