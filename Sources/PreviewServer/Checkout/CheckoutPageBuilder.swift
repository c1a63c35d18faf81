import Billing
import Checkout
import Foundation
import Operations
import PageModels
import Theming

/// Builds the checkout page for one request, language and step from the business's theme.
struct CheckoutPageBuilder {
    enum Step {
        case form(method: String, errors: [FieldError], alert: String?, notice: String?, name: String, exp: String)
        case challenge(PendingChallenge)
        case done(Payment)
        case closed(String)
    }

    let details: RequestDetails
    let theme: Theme
    let language: Language
    /// The theme's strings in the page's language (a missing key shows as `⟦key⟧`).
    let t: Strings

    init(details: RequestDetails, theme: Theme, language: Language) {
        self.details = details
        self.theme = theme
        self.language = language
        t = Strings(table: theme.strings(for: language.rawValue) ?? [:], language: language)
    }

    var token: String { details.row.token.value }

    func money(_ amount: Money) -> String { MoneyFormat.format(amount, language) }

    func asset(_ path: String) -> String { theme.assetAddress(path) }

    func page(_ step: Step) -> CheckoutPage {
        let due = details.state.amountDue
        let business = details.business
        let affirm = business.affirm.isEligible(due)
        var step = step
        // Affirm asked for by URL (or a stale tab) when it is not offered: show the card form,
        // never plans the customer could not pay with.
        if case let .form(method, errors, alert, notice, name, exp) = step, method == "affirm", !affirm {
            step = .form(method: "card", errors: errors, alert: alert, notice: notice, name: name, exp: exp)
        }
        var methodKeys = ["card", "apple_pay", "google_pay"]
        if affirm { methodKeys.append("affirm") }
        let current: String? = if case .form(let method, _, _, _, _, _) = step { method } else { nil }
        let base = "/checkout/\(token)/"
        var model = CheckoutPage(
            chrome: Chrome(lang: language.rawValue, title: "\(t("co_title", ["reference": details.reference.value])) — \(business.companyName)",
                           stylesheets: ["css/app.css", "css/theme.css", "css/checkout.css"], scripts: [], bodyClass: "page-checkout",
                           asset: asset),
            company: CompanyView(business, strings: t, language: language),
            t: t.table,
            title: t("co_title", ["reference": details.reference.value]), reference: details.reference.value, amount: money(due),
            action: base, attempt: Self.newAttempt(), lang: language.rawValue,
            backHref: "/p/\(token)/\(language.rawValue)/",
            languages: LanguageLink.switcher(current: language) { "\(base)?method=\(current ?? "card")&lang=\($0.rawValue)" },
            methods: methodKeys.map { .init(code: $0, label: t("co_method_\($0)"), href: "\(base)?method=\($0)&lang=\(language.rawValue)", current: $0 == current) },
            alert: nil, alerts: [], hasAlerts: false, hasMethods: true, notice: nil, card: nil, wallet: nil, affirm: nil, challenge: nil, done: nil, closed: nil,
            payLabel: t("co_pay_button", ["amount": money(due)]))
        switch step {
        case let .form(method, errors, alert, notice, name, exp):
            model.alert = alert
            model.alerts = errors.map { $0.message(language) }
            model.hasAlerts = !errors.isEmpty
            model.notice = notice
            fill(&model, method: method, errors: errors, name: name, exp: exp, due: due)
        case .challenge(let challenge):
            model.methods = []
            model.hasMethods = false
            model.challenge = .init(id: challenge.id, text: t("co_challenge_text", ["amount": money(challenge.amount),
                                                                                     "card": "\(challenge.brand.displayName) •••• \(challenge.last4)"]))
        case .done(let payment):
            model.methods = []
            model.hasMethods = false
            model.amount = money(payment.amount)
            model.done = done(payment)
        case .closed(let reason):
            model.methods = []
            model.hasMethods = false
            model.closed = reason
        }
        return model
    }

    private func fill(_ model: inout CheckoutPage, method: String, errors: [FieldError], name: String, exp: String, due: Money) {
        switch method {
        case "apple_pay", "google_pay":
            let kind: WalletKind = method == "apple_pay" ? .applePay : .googlePay
            let wallet = t("co_method_\(method)")
            let card = kind.simulatedDeviceCard
            model.wallet = .init(method: method, title: t("co_wallet_sheet", ["wallet": wallet]),
                                 cardLabel: "\(card.brand.displayName) •••• \(card.last4)", approveLabel: t("co_wallet_approve", ["wallet": wallet]))
        case "affirm":
            model.affirm = .init(plans: AffirmQuote(amount: due).options.enumerated().map { index, option in
                .init(months: option.months,
                      label: t("co_affirm_plan", ["months": String(option.months), "monthly": money(option.monthlyPayment)]),
                      detail: t("co_affirm_plan_detail", ["apr": option.aprText(language), "interest": money(option.totalInterest),
                                                          "total": money(option.total)]),
                      checked: index == 0)
            })
        default:
            func field(_ id: String, _ key: String, _ value: String, _ codes: FieldError.Field, hint: String? = nil) -> CheckoutPage.Field {
                let error = errors.first { $0.field == codes }?.message(language)
                let ids = [error == nil ? nil : "\(id)-error", hint == nil ? nil : "\(id)-hint"].compactMap { $0 }
                return .init(id: id, label: t(key), value: value, error: error, invalid: error != nil, hint: hint,
                             describedBy: ids.isEmpty ? nil : ids.joined(separator: " "))
            }
            model.card = .init(
                name: field("cc-name", "co_card_name", name, .name),
                number: field("cc-number", "co_card_number", "", .number, hint: t("co_simulator_note")),
                exp: field("cc-exp", "co_card_exp", exp, .expiry),
                cvc: field("cc-csc", "co_card_cvc", "", .cvc, hint: t("co_card_cvc_hint")),
                testCards: Self.testCards.map { .init(number: $0.number, outcome: t($0.outcomeKey)) })
        }
    }

    private func done(_ payment: Payment) -> CheckoutPage.Done {
        let method = PaymentText.method(payment.method, t: t)
        var plan: String?
        if let affirm = payment.method.affirmPlan {
            plan = t("co_done_plan", ["months": String(affirm.months), "monthly": money(affirm.monthlyPayment),
                                      "apr": AffirmQuote.Option(plan: affirm).aprText(language), "total": money(affirm.totalPaid)])
        }
        return .init(text: t("co_done_text", ["amount": money(payment.amount), "method": method, "code": payment.authorizationCode]),
                     plan: plan, receiptHref: "/p/\(token)/receipt/\(language.rawValue)/", receiptNumber: String(payment.receiptNumber))
    }

    /// The simulator's test numbers, as shown under the card form.
    static let testCards: [(number: String, outcomeKey: String)] = [
        ("4242 4242 4242 4242", "co_out_success"), ("5555 5555 5555 4444", "co_out_success"),
        ("4000 0027 6000 3184", "co_out_3ds"), ("4000 0000 0000 0002", "co_out_declined"),
        ("4000 0000 0000 9995", "co_out_insufficient"), ("4000 0000 0000 9987", "co_out_lost"),
        ("4000 0000 0000 9979", "co_out_stolen"), ("4000 0000 0000 0069", "co_out_expired"),
        ("4000 0000 0000 0127", "co_out_cvc"), ("4000 0000 0000 0119", "co_out_processing"),
    ]

    /// 128 random bits: one idempotency key per rendered form, so a double click or a reload
    /// of the POST charges once, while a new attempt after a decline gets a new key.
    static func newAttempt() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(generator.next() as UInt64, radix: 16) }.joined(separator: "-")
    }
}

/// How a payment method reads for the customer: "Visa •••• 4242", "Apple Pay (Visa •••• 4242)".
enum PaymentText {
    static func method(_ method: PaymentMethod, t: Strings) -> String {
        let card = method.last4.map { "\(method.cardBrand ?? "Card") •••• \($0)" }
        switch method.kind {
        case .card: return card ?? t("co_method_card")
        case .applePay, .googlePay:
            let wallet = t("co_method_\(method.kind.rawValue)")
            return card.map { "\(wallet) (\($0))" } ?? wallet
        case .affirm: return "Affirm"
        case .cash, .cheque, .etransfer: return t.optional("method_\(method.kind.rawValue)") ?? method.kind.rawValue
        }
    }
}
