import HTTPTypes
import Hummingbird

/// A route's path exists, only not for this method: 405 with `Allow`, as the static pages
/// answer, rather than the router's 404 (which says the page does not exist).
enum OtherMethods {
    static let candidates: [HTTPRequest.Method] = [.get, .head, .post, .put, .delete, .patch, .options]

    /// `allowed` are the methods the path's routes answer; every other candidate gets a 405.
    static func refuse(_ path: RouterPath, allowing allowed: [HTTPRequest.Method], on router: Router<PreviewRequestContext>) {
        let allow = allowed.map(\.rawValue).joined(separator: ", ")
        for method in candidates where !allowed.contains(method) {
            router.on(path, method: method) { _, _ -> Response in
                throw HTTPError(.methodNotAllowed, headers: [.allow: allow])
            }
        }
    }
}
