import Billing
import Foundation
import HTTPTypes
import Hummingbird
import Operations
import StaffAccess
import Theming

extension ConsoleRoutes {
    /// The sign-in form, in the browser's language; a fresh double-submit token each time.
    func signInPage(_ request: Request, _ context: PreviewRequestContext, alert: String? = nil, name: String = "",
                    linkToken: String? = nil) async throws -> Response {
        let service = try services()
        let theme = try theme(service)
        let language = Self.browserLanguage(request, service)
        let text = ConsoleText(theme: theme, language: language)
        let csrf = CSRFToken.fresh()
        var view = ConsoleViews(text: text, theme: theme).frame(title: text.t("console_sign_in_title"), bar: nil)
        view.alert = alert.map { text.t($0) }
        view.signIn = ConsoleSignIn(action: linkToken == nil ? "/staff/sign-in" : "/staff/sign-in/link", csrf: csrf, name: name, linkToken: linkToken)
        let cookie = ConsoleGate.setCookie(ConsoleGate.preSessionCookie, csrf, maxAge: 1800, secure: ConsoleGate.isSecure(request, context))
        return render(theme, "console/sign-in", view, status: alert == nil ? .ok : .unauthorized, cookies: [cookie])
    }

    func signIn(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        let form = try await Self.form(request)
        guard CSRFToken.doubleSubmitMatches(cookie: ConsoleGate.cookie(ConsoleGate.preSessionCookie, in: request), field: form["csrf"]) else {
            return try await signInPage(request, context, alert: "console_forbidden", name: form["name"] ?? "")
        }
        do {
            return proceed(try await gate.staff.beginSignIn(name: form["name"] ?? "", password: form["password"] ?? ""), request, context)
        } catch {
            return try await signInPage(request, context, alert: "console_sign_in_failed", name: form["name"] ?? "")
        }
    }

    /// The one-time link `serve` prints opens this page; its Continue button (a same-origin
    /// POST, so the `SameSite=Strict` cookie is set) signs in.
    func linkPage(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        let token = request.uri.queryParameters.get("token") ?? ""
        return try await signInPage(request, context, linkToken: token)
    }

    func redeemLink(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        let form = try await Self.form(request)
        guard CSRFToken.doubleSubmitMatches(cookie: ConsoleGate.cookie(ConsoleGate.preSessionCookie, in: request), field: form["csrf"]) else {
            return try await signInPage(request, context, alert: "console_forbidden")
        }
        do {
            return proceed(try await gate.staff.redeemSignInLinkStep(form["token"] ?? ""), request, context)
        } catch {
            return try await signInPage(request, context, alert: "console_link_failed")
        }
    }

    func signOut(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        guard let session = await gate.session(request) else { return ConsoleGate.unauthenticated(request) }
        let form = try await Self.form(request)
        guard session.accepts(csrfToken: form["csrf"]) else { return try await forbidden(session) }
        if let id = ConsoleGate.cookie(ConsoleGate.sessionCookie, in: request) {
            try? await gate.staff.signOut(sessionID: id)
            await feed?.end(sessionID: id)
        }
        let secure = ConsoleGate.isSecure(request, context)
        return ConsoleGate.redirect("/staff/sign-in", cookies: [ConsoleGate.setCookie(ConsoleGate.sessionCookie, "", maxAge: 0, secure: secure)])
    }

    func switchLanguage(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        guard let session = await gate.session(request) else { return ConsoleGate.unauthenticated(request) }
        let form = try await Self.form(request)
        guard session.accepts(csrfToken: form["csrf"]) else { return try await forbidden(session) }
        if let code = form["language"], let language = try? Language(code: code) {
            let name = session.member.name
            try? await gate.staff.offloaded { (staff: StaffService) throws(StaffError) in try staff.setLanguage(named: name, to: language) }
        }
        let back = form["return"].flatMap { $0.hasPrefix("/staff/") && !$0.contains("//") ? $0 : nil } ?? "/staff/"
        return ConsoleGate.redirect(back)
    }

    /// A state-changing form without the session's token: nothing changed, 403.
    func forbidden(_ session: StaffSession) async throws -> Response {
        let service = try services()
        let theme = try theme(service)
        let text = ConsoleText(theme: theme, language: session.member.language)
        var view = ConsoleViews(text: text, theme: theme).frame(title: text.t("console_forbidden"), bar: ConsoleViews.bar(session, text, returnTo: "/staff/"))
        view.alert = text.t("console_forbidden")
        return render(theme, "console/sign-in", view, status: .forbidden)
    }

    func started(_ new: NewSession, _ request: Request, _ context: PreviewRequestContext) -> Response {
        let secure = ConsoleGate.isSecure(request, context)
        return ConsoleGate.redirect("/staff/", cookies: [
            ConsoleGate.setCookie(ConsoleGate.sessionCookie, new.id, maxAge: 12 * 3600, secure: secure),
            ConsoleGate.setCookie(ConsoleGate.preSessionCookie, "", maxAge: 0, secure: secure),
        ])
    }

    static func browserLanguage(_ request: Request, _ service: RequestService) -> Language {
        let fallback: SiteLanguage = service.businesses.main.defaultLanguage == .fr ? .fr : .en
        return AcceptLanguage.preferred(from: request.headers[.acceptLanguage], default: fallback) == .fr ? .fr : .en
    }
}
