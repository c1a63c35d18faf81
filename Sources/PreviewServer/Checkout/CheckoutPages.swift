import Billing
import Checkout
import Foundation
import Generator
import Hummingbird
import HTTPTypes
import Operations
import Templating
import Theming

/// The checkout simulator's pages: plain HTML forms that work without JavaScript (the CSP
/// allows no inline script). Each rendered form carries a fresh `attempt` key, the same
/// idempotency key the API takes as a header.
struct CheckoutPages: Sendable {
    let desk: CheckoutDesk
    let themes: URL
    /// `serve --theme X` builds only X's assets: the checkout must use X too.
    var themeOverride: String? = nil
    /// Themes stay loaded between requests (checked against the theme folder's files, so an
    /// edited template shows at once); loading one parses every template.
    var themeCache = ThemeCache()

    func add(to router: Router<PreviewRequestContext>) {
        router.get("/checkout/:token") { request, context in try await self.show(request, context) }
        router.post("/checkout/:token") { request, context in try await self.submit(request, context) }
        router.post("/checkout/:token/challenge") { request, context in try await self.challenge(request, context) }
        router.get("/checkout/:token/done") { request, context in try await self.done(request, context) }
        // HEAD answers like GET (the server sends no body), as for the static pages.
        router.head("/checkout/:token") { request, context in try await self.show(request, context) }
        router.head("/checkout/:token/done") { request, context in try await self.done(request, context) }
        OtherMethods.refuse("/checkout/:token", allowing: [.get, .head, .post], on: router)
        OtherMethods.refuse("/checkout/:token/challenge", allowing: [.post], on: router)
        OtherMethods.refuse("/checkout/:token/done", allowing: [.get, .head], on: router)
    }

    private func show(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        try await page(request, context) { (details, builder) async throws(OperationError) -> CheckoutReply in
            let method = Self.query(request, "method") ?? "card"
            if let payment = details.state.payment, details.state.status == .paid { return .page(builder.page(.done(payment))) }
            if let closed = closedReason(details, builder) { return .page(builder.page(.closed(closed))) }
            return .page(builder.page(.form(method: Self.known(method), errors: [], alert: nil, notice: nil, name: "", exp: "")))
        }
    }

    private func submit(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        let form = FormBody(String(decoding: Data(try await request.body.collect(upTo: PreviewRequestContext.maxBodySize).readableBytesView), as: UTF8.self))
        return try await page(request, context, form: form) { (details, builder) async throws(OperationError) -> CheckoutReply in
            let method = Self.known(form["method"] ?? "card")
            let keep = (name: form["name"] ?? "", exp: form["exp"] ?? "")
            let source: PaymentSource
            do throws(PaymentSubmission.Problem) { source = try PaymentSubmission.source(form.fields) } catch {
                return .page(builder.page(.form(method: method, errors: [], alert: error.description, notice: nil, name: keep.name, exp: keep.exp)),
                             status: .badRequest)
            }
            let service = try desk.services()
            let result: CheckoutResult
            do throws(OperationError) {
                result = try await desk.pay(service, details, source: source, idempotencyKey: form["attempt"].flatMap(CheckoutAPI.validKey))
            } catch {
                guard case .store(.idempotencyConflict) = error else { throw error }
                return .page(builder.page(.form(method: method, errors: [], alert: Self.attemptUsed(builder), notice: nil, name: keep.name, exp: keep.exp)),
                             status: .conflict)
            }
            return render(result, method: method, keep: keep, details: details, builder: builder)
        }
    }

    private func challenge(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        let form = FormBody(String(decoding: Data(try await request.body.collect(upTo: PreviewRequestContext.maxBodySize).readableBytesView), as: UTF8.self))
        return try await page(request, context, form: form) { (details, builder) async throws(OperationError) -> CheckoutReply in
            let service = try desk.services()
            let expired: CheckoutPage = builder.page(.form(method: "card", errors: [], alert: builder.t("co_challenge_expired"), notice: nil, name: "", exp: ""))
            let answer: CheckoutResult?
            do throws(OperationError) {
                answer = try await desk.answer(service, details, challengeID: form["id"] ?? "", approve: form["approve"] == "true",
                                               idempotencyKey: form["attempt"].flatMap(CheckoutAPI.validKey))
            } catch {
                // The other button of an already answered challenge (back button, double click).
                guard case .store(.idempotencyConflict) = error else { throw error }
                return .page(expired, status: .conflict)
            }
            guard let result = answer else { return .page(expired, status: .gone) }
            return render(result, method: "card", keep: ("", ""), details: details, builder: builder)
        }
    }

    private func done(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        try await page(request, context) { (details, builder) async throws(OperationError) -> CheckoutReply in
            guard let payment = details.state.payment else {
                return .page(builder.page(.form(method: "card", errors: [], alert: nil, notice: nil, name: "", exp: "")))
            }
            return .page(builder.page(.done(payment)))
        }
    }

    /// The page after an attempt: paid → the confirmation (a redirect, so a reload does not post again).
    private func render(_ result: CheckoutResult, method: String, keep: (name: String, exp: String), details: RequestDetails,
                        builder: CheckoutPageBuilder) -> CheckoutReply {
        switch result {
        case .paid: return .redirect(to: "/checkout/\(details.row.token.value)/done?lang=\(builder.language.rawValue)")
        case .declined(let reason):
            return .page(builder.page(.form(method: method, errors: [], alert: reason.message(builder.language), notice: nil, name: keep.name, exp: keep.exp)),
                         status: Self.paymentRequired)
        case .invalid(let errors):
            return .page(builder.page(.form(method: method, errors: errors, alert: builder.t("co_errors_title"), notice: nil, name: keep.name, exp: keep.exp)),
                         status: .unprocessableContent)
        case .cancelled:
            return .page(builder.page(.form(method: method, errors: [], alert: nil, notice: builder.t("co_cancelled"), name: keep.name, exp: keep.exp)))
        case .challengeRequired(let challenge): return .page(builder.page(.challenge(challenge)))
        case .refused:
            return .page(builder.page(.closed(closedReason(details, builder) ?? builder.t("co_closed"))), status: .conflict)
        }
    }

    private func closedReason(_ details: RequestDetails, _ builder: CheckoutPageBuilder) -> String? {
        switch details.state.status {
        case .open: nil
        case .voided: builder.t("banner_voided_title")
        case .paid: builder.t("banner_paid_title")
        case .partiallyRefunded: builder.t("banner_partial_title")
        case .refunded: builder.t("banner_refunded_title")
        }
    }

    /// Resolves the token and the language, loads the business's theme, answers with what
    /// `body` replies.
    private func page(_ request: Request, _ context: PreviewRequestContext, form: FormBody? = nil,
                      _ body: (RequestDetails, CheckoutPageBuilder) async throws(OperationError) -> CheckoutReply) async throws -> Response {
        do {
            guard let (_, details) = try await desk.open(context.parameters.get("token") ?? "") else { return ErrorPage.response(.notFound) }
            let customer = details.invoice.customer.language ?? details.business.defaultLanguage
            let negotiated = LanguageNegotiation.negotiate(
                query: form?["lang"].map { "lang=\($0)" } ?? request.uri.query, cookieHeaders: request.headers[values: .cookie],
                acceptLanguage: request.headers[.acceptLanguage], default: customer == .fr ? .fr : .en)
            let language: Language = negotiated.language == .fr ? .fr : .en
            // Like the static pages: the answer depends on these, and a chosen `?lang` is remembered.
            var headers = HTTPFields()
            headers[.vary] = "Accept-Language, Cookie"
            if negotiated.fromQuery { headers[.setCookie] = LanguageNegotiation.setCookieValue(negotiated.language) }
            let theme: Theme
            do { theme = try themeCache.theme(themeOverride ?? details.business.theme, themesDirectory: themes) } catch {
                return Self.problem(error.description, status: .internalServerError)
            }
            let builder = CheckoutPageBuilder(details: details, theme: theme, language: language)
            let reply: CheckoutReply
            do throws(OperationError) { reply = try await body(details, builder) } catch {
                reply = .problem(error.description, status: Self.status(error))
            }
            return Self.response(reply, theme: theme, language: language, headers: headers)
        } catch {
            return Self.problem(error.description, status: Self.status(error))
        }
    }

    /// 402, which HTTPTypes has no name for: a declined payment.
    static let paymentRequired = HTTPResponse.Status(code: 402, reasonPhrase: "Payment Required")

    /// What an operation's failure answers: bad data is a conflict, anything else a server error.
    static func status(_ error: OperationError) -> HTTPResponse.Status { .init(code: ProblemStatus.of(error)) }

    /// The HTTP response of a reply: the page rendered with the theme, a 303, or a problem.
    static func response(_ reply: CheckoutReply, theme: Theme, language: Language, headers: HTTPFields) -> Response {
        switch reply {
        case .page(let page, let status):
            do { return html(status, try theme.render("checkout", page), language: language, headers: headers) } catch {
                return problem(error.description, status: .internalServerError)
            }
        case .redirect(let location):
            var headers = headers
            headers[.location] = location
            return Response(status: .seeOther, headers: headers)
        case .problem(let message, let status):
            return problem(message, status: status)
        }
    }

    /// A short message; error texts can quote records (references, notes), so it is escaped.
    static func problem(_ message: String, status: HTTPResponse.Status) -> Response {
        html(status, "<p>\(HTMLEscaping.escape(message))</p>")
    }

    /// The same attempt key came back with another card or method (a stale form): nothing is charged.
    static func attemptUsed(_ builder: CheckoutPageBuilder) -> String {
        if let themed = builder.t.optional("co_attempt_used") { return themed }
        return builder.language == .fr
            ? "Cette tentative de paiement a déjà servi pour un autre paiement. Rien de plus n’a été prélevé; veuillez réessayer."
            : "This payment attempt was already used for another payment. Nothing more was charged; please try again."
    }

    static func known(_ method: String) -> String {
        ["card", "apple_pay", "google_pay", "affirm"].contains(method) ? method : "card"
    }

    static func query(_ request: Request, _ name: String) -> String? {
        request.uri.queryParameters.get(name)
    }

    static func html(_ status: HTTPResponse.Status, _ body: String, language: Language? = nil, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        if let language { headers[.contentLanguage] = language.rawValue }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
