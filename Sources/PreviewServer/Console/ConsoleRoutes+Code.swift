import Billing
import Foundation
import HTTPTypes
import Hummingbird
import StaffAccess

/// The second step of signing in, for staff with a second factor: after the right password,
/// a pending half session (its own cookie, 5 minutes, its own CSRF token) and a form asking for
/// the authenticator app's 6-digit code.
extension ConsoleRoutes {
    static let codeCookie = "paypage_code"

    /// After the password (or the one-time link): signed in, or on to the code.
    func proceed(_ step: SignInStep, _ request: Request, _ context: PreviewRequestContext) -> Response {
        switch step {
        case .signedIn(let session):
            return started(session, request, context)
        case .needsCode(let pending):
            let secure = ConsoleGate.isSecure(request, context)
            let lifetime = max(1, Int(pending.expiresAt.timeIntervalSince(gate.staff.clock())))
            return ConsoleGate.redirect("/staff/sign-in/code", cookies: [
                ConsoleGate.setCookie(Self.codeCookie, pending.id, maxAge: lifetime, secure: secure),
                ConsoleGate.setCookie(ConsoleGate.preSessionCookie, "", maxAge: 0, secure: secure),
            ])
        }
    }

    func codePage(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        guard let pending = await pending(request) else { return ConsoleGate.redirect("/staff/sign-in") }
        return try await codeForm(request, pending, alert: nil, status: .ok)
    }

    func submitCode(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        let form = try await Self.form(request)
        guard let pending = await pending(request) else {
            return try await signInPage(request, context, alert: "console_totp_expired")
        }
        guard pending.accepts(csrfToken: form["csrf"]) else { return try await codeForm(request, pending, alert: "console_forbidden", status: .forbidden) }
        do {
            let session = try await gate.staff.finishSignIn(pendingID: pending.id, code: form["code"] ?? "")
            var response = started(session, request, context)
            response.headers.append(HTTPField(name: .setCookie, value: ConsoleGate.setCookie(Self.codeCookie, "", maxAge: 0,
                                                                                             secure: ConsoleGate.isSecure(request, context))))
            return response
        } catch {
            // Still pending (a wrong code): ask again. Locked or expired: back to the password.
            guard let still = await self.pending(request) else {
                return try await signInPage(request, context, alert: "console_sign_in_failed")
            }
            return try await codeForm(request, still, alert: "console_totp_failed", status: .unauthorized)
        }
    }

    private func pending(_ request: Request) async -> PendingSignIn? {
        guard let id = ConsoleGate.cookie(Self.codeCookie, in: request) else { return nil }
        return try? await gate.staff.offloaded { (staff: StaffService) throws(StaffError) in try staff.pendingSignIn(id: id) }
    }

    private func codeForm(_ request: Request, _ pending: PendingSignIn, alert: String?, status: HTTPResponse.Status) async throws -> Response {
        let service = try services()
        let theme = try theme(service)
        let language = gate.staffLanguage(pending.name) ?? Self.browserLanguage(request, service)
        let text = ConsoleText(theme: theme, language: language)
        var view = ConsoleViews(text: text, theme: theme).frame(title: text.t("console_totp_title"), bar: nil)
        view.alert = alert.map { text.t($0) }
        view.code = ConsoleCode(csrf: pending.csrfToken, name: pending.name)
        return render(theme, "console/sign-in-code", view, status: status)
    }
}

extension ConsoleGate {
    /// The console language of the person signing in (the code step is already theirs).
    func staffLanguage(_ name: String) -> Language? {
        (try? staff.account(named: name))?.language
    }
}
