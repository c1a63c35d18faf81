import Foundation
import HTTPTypes
import Hummingbird
import StaffAccess

/// The console's door: the session cookie, the pre-session cookie of the sign-in form, and
/// the checks every console address goes through (session first, then the CSRF token).
struct ConsoleGate: Sendable {
    static let sessionCookie = "paypage_staff"
    static let preSessionCookie = "paypage_signin"
    let staff: StaffService

    /// The signed-in session, or nil (no cookie, unknown, expired or idle too long).
    func session(_ request: Request) async -> StaffSession? {
        guard let id = Self.cookie(Self.sessionCookie, in: request) else { return nil }
        return try? await staff.session(id: id)
    }

    /// Where a request without a session goes: scripts get 401, browsers the sign-in page.
    static func unauthenticated(_ request: Request) -> Response {
        if request.headers[.accept]?.contains("application/json") == true {
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(status: .unauthorized, headers: headers,
                            body: .init(byteBuffer: ByteBuffer(string: #"{"status":"error","message":"sign in first"}"#)))
        }
        return redirect("/staff/sign-in")
    }

    static func redirect(_ location: String, cookies: [String] = []) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: .seeOther, headers: headers)
    }

    /// `Secure` only when the console itself is reached over https: a loopback proxy's
    /// `X-Forwarded-Proto` (never the business's `baseURL`).
    static func isSecure(_ request: Request, _ context: PreviewRequestContext) -> Bool {
        request.uri.scheme == .https
            || (context.peerIsLoopback && request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https")
    }

    static func setCookie(_ name: String, _ value: String, maxAge: Int, secure: Bool) -> String {
        "\(name)=\(value); Path=/staff; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    static func cookie(_ name: String, in request: Request) -> String? {
        CookieHeader.value(named: name, in: request.headers[values: .cookie])
    }
}
