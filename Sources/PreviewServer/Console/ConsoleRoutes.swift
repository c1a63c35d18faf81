import Billing
import Foundation
import Generator
import HTTPTypes
import Hummingbird
import Operations
import StaffAccess
import Theming

/// The staff console, rendered per request with the theme's `console/*` templates in the
/// signed-in staff member's language. Plain forms and redirects: every page works without
/// JavaScript. Every address needs a session; every POST then needs the session's CSRF token.
struct ConsoleRoutes: Sendable {
    let gate: ConsoleGate
    let services: @Sendable () throws(OperationError) -> RequestService
    let themes: URL
    var themeOverride: String?
    let themeCache: ThemeCache
    /// Rebuilds a request's pages after a change (the customer's link shows it at once).
    let afterChange: @Sendable (Reference) async -> Void
    /// Rebuilds the site after a business's settings changed (every page of that business may show it).
    var afterSettings: @Sendable () async -> Void = {}
    /// The virtual terminal's 3-D Secure challenges waiting for the cardholder's answer.
    let terminalChallenges = ChallengeStore()
    /// Payments heard live by open console pages (`/staff/events`); nil: no live stream.
    var feed: StaffFeed?

    func add(to router: Router<PreviewRequestContext>) {
        router.get("/staff/sign-in") { request, context in try await self.signInPage(request, context) }
        router.post("/staff/sign-in") { request, context in try await self.signIn(request, context) }
        router.get("/staff/sign-in/link") { request, context in try await self.linkPage(request, context) }
        router.post("/staff/sign-in/link") { request, context in try await self.redeemLink(request, context) }
        router.post("/staff/sign-out") { request, context in try await self.signOut(request, context) }
        router.post("/staff/language") { request, context in try await self.switchLanguage(request, context) }
        router.get("/staff") { request, context in try await self.list(request, context) }
        // The constant `new` is matched before the `:ref` capture (Hummingbird tries constants first).
        router.get("/staff/requests/new") { request, context in try await self.newRequestForm(request, context) }
        router.post("/staff/requests/new") { request, context in try await self.newRequestSubmit(request, context) }
        router.post("/staff/requests/new/preview") { request, context in try await self.newRequestPreview(request, context) }
        router.get("/staff/customers") { request, context in try await self.customers(request, context) }
        router.get("/staff/customers/:id") { request, context in try await self.customerPage(request, context) }
        router.post("/staff/customers/:id/send") { request, context in try await self.customerSend(request, context) }
        router.post("/staff/customers/:id/preview") { request, context in try await self.customerPreview(request, context) }
        router.get("/staff/requests/:ref") { request, context in try await self.requestPage(request, context) }
        router.get("/staff/requests/:ref/receipt") { request, context in try await self.receipt(request, context) }
        router.post("/staff/requests/:ref/send") { request, context in try await self.send(request, context) }
        router.get("/staff/settings") { request, context in try await self.settingsPage(request, context) }
        router.post("/staff/settings") { request, context in try await self.saveSettings(request, context) }
        router.post("/staff/settings/test") { request, context in try await self.sendTestMessage(request, context) }
        router.get("/staff/requests/:ref/terminal") { request, context in try await self.terminalPage(request, context) }
        router.post("/staff/requests/:ref/terminal") { request, context in try await self.terminalCharge(request, context) }
        router.post("/staff/requests/:ref/terminal/challenge") { request, context in try await self.terminalChallenge(request, context) }
        router.get("/staff/deposits") { request, context in try await self.deposits(request, context) }
        router.get("/staff/deposits/:name") { request, context in try await self.deposit(request, context) }
        router.get(RouterPath(Self.importPath)) { request, context in try await self.importPage(request, context) }
        router.post(RouterPath(Self.importPath)) { request, context in try await self.importSubmit(request, context) }
        for action in ConsoleAction.Kind.allCases {
            router.get("/staff/requests/:ref/\(action.rawValue)") { request, context in try await self.actionForm(action, request, context) }
            router.post("/staff/requests/:ref/\(action.rawValue)") { request, context in try await self.actionSubmit(action, request, context) }
        }
        addLiveAndStaffRoutes(to: router)
        // Any other address under /staff/ answers like a page that needs a session, then 404.
        router.get("/staff/**") { request, context in
            guard await self.gate.session(request) != nil else { return ConsoleGate.unauthenticated(request) }
            return ErrorPage.response(.notFound)
        }
    }

    /// The theme of the main business (or `serve --theme`), loaded once and kept.
    func theme(_ service: RequestService) throws(ThemeError) -> Theme {
        try themeCache.theme(themeOverride ?? service.businesses.main.theme, themesDirectory: themes)
    }

    func render(_ theme: Theme, _ template: String, _ view: ConsoleView, status: HTTPResponse.Status = .ok,
                cookies: [String] = []) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentLanguage] = view.chrome.lang
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        do {
            let html = try theme.render(template, view)
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
        } catch {
            return ErrorPage.response(.internalServerError)
        }
    }

    static func form(_ request: Request) async throws -> FormBody {
        let buffer = try await request.body.collect(upTo: PreviewRequestContext.maxBodySize)
        return FormBody(String(decoding: Data(buffer.readableBytesView), as: UTF8.self))
    }
}
