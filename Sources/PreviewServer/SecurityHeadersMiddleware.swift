import HTTPTypes
import Hummingbird

/// The headers every response carries, and the paths that are never cached.
enum SecurityHeaders {
    /// Built once: a field's name and value are validated when it is made, per request otherwise.
    static let fields: HTTPFields = [
        .contentSecurityPolicy:
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'",
        .xContentTypeOptions: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "no-referrer",
        HTTPField.Name("X-Robots-Tag")!: "noindex",
        HTTPField.Name("X-Frame-Options")!: "DENY",
        HTTPField.Name("Permissions-Policy")!: "payment=(self)",
    ]
    static let names: [HTTPField.Name] = fields.map(\.name)

    /// Everything under these prefixes is per-customer or private: never cached.
    static let noStorePrefixes = ["/p/", "/staff/", "/api/"]

    /// Sets every security header, replacing any value a handler gave one of them.
    static func apply(to headers: inout HTTPFields) {
        if headers.contains(where: { names.contains($0.name) }) {
            for field in fields { headers[field.name] = field.value }
        } else {
            headers.append(contentsOf: fields)  // the usual case: one append, no lookups
        }
    }
}

/// Adds the security headers and the cache policy to every response, errors included.
/// It turns thrown errors into responses itself: the router would otherwise build
/// them outside the middleware chain, without these headers.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = ErrorPage.response(error.status, headers: error.headers)
        } catch let error as any HTTPResponseError {
            response = (try? error.response(from: request, context: context)) ?? ErrorPage.response(.internalServerError)
        } catch {
            response = ErrorPage.response(.internalServerError)
        }
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
        if request.method == .head {
            // Same headers as GET (Content-Length included), no body.
            let length = response.headers[.contentLength] ?? response.body.contentLength.map(String.init)
            response = Response(status: response.status, headers: response.headers, body: .init())
            response.headers[.contentLength] = length
        }
        return response
    }
}
