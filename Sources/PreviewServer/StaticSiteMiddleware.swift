import Hummingbird

/// Hands every request to the static site except those under prefixes that belong
/// to routes (live reload, the checkout API): those go on to the router.
struct StaticSiteMiddleware<Context: RequestContext>: RouterMiddleware {
    let site: StaticSite
    let passThroughPrefixes: [String]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if passThroughPrefixes.contains(where: { path == $0 || path.hasPrefix($0 + "/") || path.hasPrefix($0 + ".") }) {
            return try await next(request, context)
        }
        return site.respond(to: request)
    }
}
