import Billing
import Checkout
import Foundation
import Operations

/// The JSON shapes of the checkout API: a request's details here, an attempt's outcome in
/// `CheckoutOutcomeJSON` (shared with `paypage pay --json`).
struct CheckoutJSON {
    typealias Amount = CheckoutOutcomeJSON.Amount

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

    /// The HTTP status and body of a checkout result.
    static func outcome(_ result: CheckoutResult, context: RequestDetails) -> (Int, CheckoutOutcomeJSON.Outcome) {
        CheckoutOutcomeJSON.outcome(result, token: context.row.token.value)
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
