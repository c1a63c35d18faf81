import Billing
import Checkout
import Foundation
import Operations
import Theming

/// The typed context of the checkout template (swift-mustache reads stored properties).
/// Field names match the theme's base layout and partials (`chrome`, `company`, `t`).
struct CheckoutPageModel: Sendable {
    struct Chrome: Sendable {
        var lang: String
        var neutral = false
        var title: String
        var stylesheets: [String]
        var scripts: [String] = []
        var bodyClass = "page-checkout"
        var phoneIcon: String
        var messageIcon: String
        var lockIcon: String
    }

    struct Company: Sendable {
        var name: String
        var telHref: String
        var smsHref: String
        var callLabel: String
        var textLabel: String
    }

    struct Link: Sendable {
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
    var company: Company
    var t: [String: String]
    var title: String
    var reference: String
    var amount: String
    var action: String
    var attempt: String
    var lang: String
    var backHref: String
    var languages: [Link]
    var methods: [Link]
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
