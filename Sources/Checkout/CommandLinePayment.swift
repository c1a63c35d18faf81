import Billing
import Foundation
import Operations

/// A payment made from the command line (`paypage pay`): the same simulator, rules, ledger and
/// idempotency as the checkout. A 3-D Secure challenge is answered at once with the caller's
/// answer; without one, the attempt ends at `challengeRequired`.
public struct CommandLinePayment: Sendable {
    public let checkout: CheckoutService

    public init(checkout: CheckoutService) { self.checkout = checkout }

    /// The outcome with the request's link token (the receipt's path in the JSON body).
    public struct Attempt: Sendable {
        public var result: CheckoutResult
        public var token: String
    }

    /// `cardholder` nil uses the customer's name. A challenge's answer is recorded under
    /// `<key>:3ds`, so a retried command replays it too.
    public func pay(_ referenceText: String, source: PaymentSource, cardholder: String?, challengeAnswer: Bool?,
                    idempotencyKey: String?) throws(OperationError) -> Attempt {
        let requests = checkout.requests
        let reference = try requests.parseReference(referenceText)
        let row = try requests.context(reference.value).row
        var source = source
        if case .card(let card) = source, card.name.trimmingCharacters(in: .whitespaces).isEmpty {
            source = .card(CardDetails(number: card.number, expiry: card.expiry, cvc: card.cvc, name: cardholder ?? row.customerName))
        }
        var result = try checkout.charge(reference.value, source: source, idempotencyKey: idempotencyKey)
        if case .challengeRequired(let challenge) = result, let approve = challengeAnswer {
            result = try checkout.completeChallenge(reference.value, challenge: challenge, approve: approve,
                                                    idempotencyKey: idempotencyKey.map { "\($0):3ds" })
        }
        return Attempt(result: result, token: row.token.value)
    }
}
