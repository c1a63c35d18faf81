import Hummingbird

/// Hands every request to the static site except those under prefixes that belong
/// to routes (live reload, the checkout API): those go on to the router.
struct StaticSiteMiddleware<Context: RequestContext>: RouterMiddleware {
    let site: StaticSite
    /// Each prefix, then with "/" and "." after it: built once rather than per request.
    private let passThrough: [(exact: String, folder: String, dotted: String)]

    init(site: StaticSite, passThroughPrefixes: [String]) {
        self.site = site
        self.passThrough = passThroughPrefixes.map { ($0, $0 + "/", $0 + ".") }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if passThrough.contains(where: { path == $0.exact || path.hasPrefix($0.folder) || path.hasPrefix($0.dotted) }) {
            return try await next(request, context)
        }
        return site.respond(to: request)
    }
}
