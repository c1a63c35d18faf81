import PageModels

/// The view model of the checkout template. The parts every page has (`chrome`, `company`,
/// `t`, `languages`) are the shared PageModels types, as on the static pages.
struct CheckoutPage: Sendable {
    struct MethodLink: Sendable {
        var code: String
        var label: String
        var href: String
        var current: Bool
    }

    struct Field: Sendable {
        var id: String
        var label: String
        var value: String
        var error: String?
        var invalid: Bool
        var hint: String?
        var describedBy: String?
    }

    struct CardForm: Sendable {
        var name: Field
        var number: Field
        var exp: Field
        var cvc: Field
        var testCards: [TestCard]
    }

    struct TestCard: Sendable {
        var number: String
        var outcome: String
    }

    struct Wallet: Sendable {
        var method: String
        var title: String
        var cardLabel: String
        var approveLabel: String
    }

    struct Plan: Sendable {
        var months: Int
        var label: String
        var detail: String
        var checked: Bool
    }

    struct Affirm: Sendable {
        var plans: [Plan]
    }

    struct Done: Sendable {
        var text: String
        var plan: String?
        var receiptHref: String
        var receiptNumber: String
    }

    struct Challenge: Sendable {
        var id: String
        var text: String
    }

    var chrome: Chrome
    var company: CompanyView
    var t: [String: String]
    var title: String
    var reference: String
    var amount: String
    var action: String
    var attempt: String
    var lang: String
    var backHref: String
    var languages: [LanguageLink]
    var methods: [MethodLink]
    var alert: String?
    var alerts: [String]
    var hasAlerts: Bool
    var hasMethods: Bool
    var notice: String?
    var card: CardForm?
    var wallet: Wallet?
    var affirm: Affirm?
    var challenge: Challenge?
    var done: Done?
    var closed: String?
    var payLabel: String
}
