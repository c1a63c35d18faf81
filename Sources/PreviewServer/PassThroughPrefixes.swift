/// The path prefixes that belong to routes (the checkout, live reload) rather than to the
/// static site. Both the router's `StaticSiteMiddleware` and the pipeline's `StaticFastPath`
/// ask this one type, so a path can never be static on one path and routed on the other.
struct PassThroughPrefixes: Sendable {
    /// Each prefix, then with "/" and "." after it: built once rather than per request.
    private let prefixes: [(exact: String, folder: String, dotted: String)]

    init(_ prefixes: [String]) {
        self.prefixes = prefixes.map { ($0, $0 + "/", $0 + ".") }
    }

    /// `/api`, `/api/…` and `/api.…` pass; `/apiary` does not.
    func contains(_ path: String) -> Bool {
        prefixes.contains { path == $0.exact || path.hasPrefix($0.folder) || path.hasPrefix($0.dotted) }
    }
}
