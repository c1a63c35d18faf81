import Billing
import Foundation

/// What a checkout form or API call submits, turned into a `PaymentSource`. The card number
/// and CVC go straight into `CardDetails` (redacted everywhere) and are never kept.
package enum PaymentSubmission {
    package enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownMethod(String)
        case missing(String)
        case invalid(field: String, value: String)

        package var description: String {
            switch self {
            case .unknownMethod(let method): "method: \"\(method)\" is not card, apple_pay, google_pay or affirm"
            case .missing(let field): "\(field): is required"
            case let .invalid(field, value): "\(field): \"\(value)\" is not allowed"
            }
        }
    }

    /// Fields: `method`; for cards `number`, `exp`, `cvc`, `name`; for wallets `action`
    /// (approve, cancel, fail); for Affirm `months` and `credit` (approve or decline).
    package static func source(_ fields: [String: String]) throws(Problem) -> PaymentSource {
        let method = fields["method"] ?? ""
        switch method {
        case "card":
            let expiry = fields["exp"].flatMap(CardExpiry.parse)
            return .card(CardDetails(number: fields["number"] ?? "", expiry: expiry, cvc: fields["cvc"] ?? "", name: fields["name"] ?? ""))
        case "apple_pay", "google_pay":
            let kind: WalletKind = method == "apple_pay" ? .applePay : .googlePay
            guard let text = fields["action"] else { throw .missing("action") }
            guard let action = WalletAction(rawValue: text) else { throw .invalid(field: "action", value: text) }
            return .wallet(kind, action)
        case "affirm":
            guard let text = fields["months"] else { throw .missing("months") }
            guard let months = Int(text) else { throw .invalid(field: "months", value: text) }
            let check = SimulatedCreditCheck(rawValue: fields["credit"] ?? "approve") ?? .approve
            return .affirm(AffirmSelection(months: months), creditCheck: check)
        case "": throw .missing("method")
        default: throw .unknownMethod(method)
        }
    }
}
