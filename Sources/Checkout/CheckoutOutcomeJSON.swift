import Billing
import Foundation
import Operations

/// The JSON body of a checkout attempt's outcome, as the checkout API answers it and as
/// `paypage pay --json` prints it. Money is a decimal string with its currency; cards show only
/// brand and last 4 digits.
public enum CheckoutOutcomeJSON {
    public struct Amount: Encodable, Sendable {
        public var value: String
        public var currency: String
        public var display: [String: String]

        public init(_ money: Money) {
            value = money.decimalString
            currency = money.currency.code
            display = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0.rawValue, MoneyFormat.format(money, $0)) })
        }
    }

    public struct Outcome: Encodable, Sendable {
        public var status: String
        public var reference: String?
        public var amount: Amount?
        public var authorizationCode: String?
        public var receiptNumber: Int?
        public var method: Method?
        public var receipt: String?
        public var challenge: String?
        public var code: String?
        public var message: [String: String]?
        public var errors: [Problem]?
    }

    public struct Method: Encodable, Sendable {
        public var kind: String
        public var brand: String?
        public var last4: String?
        public var affirmMonths: Int?
    }

    public struct Problem: Encodable, Sendable {
        public var field: String
        public var code: String
        public var message: [String: String]
    }

    public static func messages(_ text: (Language) -> String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0.rawValue, text($0)) })
    }

    /// The HTTP status and body of a checkout result; `token` is the request's link token (the
    /// receipt's path).
    public static func outcome(_ result: CheckoutResult, token: String) -> (status: Int, body: Outcome) {
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
            body.receipt = "/p/\(token)/receipt/"
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

    /// The API's encoding: compact, sorted keys, slashes unescaped.
    public static func encoded(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }
}
