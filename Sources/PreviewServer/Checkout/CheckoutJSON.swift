import Billing
import Checkout
import Foundation
import Operations

/// The JSON shapes of the checkout API. Money is a decimal string with its currency; cards show
/// only brand and last 4 digits.
struct CheckoutJSON {
    struct Amount: Encodable {
        var value: String
        var currency: String
        var display: [String: String]

        init(_ money: Money) {
            value = money.decimalString
            currency = money.currency.code
            display = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0.rawValue, MoneyFormat.format(money, $0)) })
        }
    }

    struct RequestInfo: Encodable {
        var reference: String
        var company: String
        var status: String
        var amountDue: Amount
        var methods: [String]
        var affirmPlans: [Plan]?
        var link: String
    }

    struct Plan: Encodable {
        var months: Int
        var apr: String
        var monthlyPayment: Amount
        var lastPayment: Amount
        var totalInterest: Amount
        var total: Amount
    }

    struct Outcome: Encodable {
        var status: String
        var reference: String?
        var amount: Amount?
        var authorizationCode: String?
        var receiptNumber: Int?
        var method: Method?
        var receipt: String?
        var challenge: String?
        var code: String?
        var message: [String: String]?
        var errors: [Problem]?
    }

    struct Method: Encodable {
        var kind: String
        var brand: String?
        var last4: String?
        var affirmMonths: Int?
    }

    struct Problem: Encodable {
        var field: String
        var code: String
        var message: [String: String]
    }

    static func messages(_ text: (Language) -> String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0.rawValue, text($0)) })
    }

    /// The HTTP status and body of a checkout result.
    static func outcome(_ result: CheckoutResult, context: RequestDetails) -> (Int, Outcome) {
        var body = Outcome(status: "")
        switch result {
        case .paid(let payment):
            body.status = "paid"
            body.reference = payment.reference
            body.amount = Amount(payment.amount)
            body.authorizationCode = payment.authorizationCode
            body.receiptNumber = payment.receiptNumber
            body.method = Method(kind: payment.method.kind.rawValue, brand: payment.method.cardBrand, last4: payment.method.last4,
                                 affirmMonths: payment.method.affirmPlan?.months)
            body.receipt = "/p/\(context.row.token.value)/receipt/"
            return (201, body)
        case .declined(let reason):
            body.status = "declined"
            body.code = reason.rawValue
            body.message = messages(reason.message)
            return (402, body)
        case .challengeRequired(let challenge):
            body.status = "challenge_required"
            body.challenge = challenge.id
            return (202, body)
        case .cancelled:
            body.status = "cancelled"
            return (200, body)
        case .invalid(let errors):
            body.status = "invalid"
            body.errors = errors.map { Problem(field: $0.field.rawValue, code: $0.code.rawValue, message: messages($0.message)) }
            return (422, body)
        case .refused(let reason):
            body.status = "refused"
            body.message = ["en": reason]
            return (409, body)
        }
    }

    static func info(_ context: RequestDetails) -> RequestInfo {
        let due = context.state.amountDue
        let affirmOK = context.state.status == .open && context.business.affirm.isEligible(due)
        let plans = affirmOK ? AffirmQuote(amount: due).options.map { option in
            Plan(months: option.months, apr: option.aprText(.en), monthlyPayment: Amount(option.monthlyPayment),
                 lastPayment: Amount(option.lastPayment), totalInterest: Amount(option.totalInterest), total: Amount(option.total))
        } : nil
        let methods = context.state.status == .open ? ["card", "apple_pay", "google_pay"] + (affirmOK ? ["affirm"] : []) : []
        return RequestInfo(reference: context.reference.value, company: context.business.companyName, status: context.state.status.rawValue,
                           amountDue: Amount(due), methods: methods, affirmPlans: plans, link: context.link)
    }
}
