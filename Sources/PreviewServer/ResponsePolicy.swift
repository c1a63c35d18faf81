import HTTPTypes
import Hummingbird

/// The last step of every response: the security headers, the cache policy and HEAD.
///
/// Both ways a response leaves the server go through here: `SecurityHeadersMiddleware` (the
/// router) and `StaticFastPath` (static pages answered in the channel pipeline), so that the
/// two can never disagree on a header.
enum ResponsePolicy {
    /// Finishes `response` for `request`. Returns false when the body was dropped (HEAD): a
    /// caller that writes the body itself must then not write it.
    @discardableResult
    static func finish(_ response: inout Response, for request: Request) -> Bool {
        SecurityHeaders.apply(to: &response.headers)
        let cacheControl = response.headers[.cacheControl]
        if cacheControl != "no-store" {
            let path = request.uri.path
            let isHTML = response.headers[.contentType].map(ContentType.isHTML) ?? false
            if isHTML || response.status.code >= 400 || SecurityHeaders.noStorePrefixes.contains(where: path.hasPrefix)
                || cacheControl == nil {
                response.headers[.cacheControl] = "no-store"
            }
        }
        guard request.method == .head else { return true }
        // Same headers as GET (Content-Length included), no body.
        let length = response.headers[.contentLength] ?? response.body.contentLength.map(String.init)
        response = Response(status: response.status, headers: response.headers, body: .init())
        response.headers[.contentLength] = length
        return false
    }
}
