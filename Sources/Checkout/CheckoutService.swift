import Billing
import Foundation
import Operations
import Store

/// What the checkout answers for one attempt. Codable: an idempotent retry replays it exactly.
package enum CheckoutResult: Sendable, Hashable, Codable {
    case paid(PaymentResult)
    case declined(DeclineReason)
    case challengeRequired(PendingChallenge)
    case cancelled
    case invalid([FieldError])
    /// The request cannot be paid (voided, already paid, amount changed): the message says why.
    case refused(String)

    package var payment: PaymentResult? { if case .paid(let result) = self { result } else { nil } }

    /// Paid, declined or refused: the answer a retry must get again.
    package var isFinal: Bool {
        switch self {
        case .paid, .declined, .refused: true
        case .challengeRequired, .cancelled, .invalid: false
        }
    }
}

/// The checkout: asks the processor, then records an approved payment, in one ledger
/// transaction so that a retried or double-clicked attempt charges exactly once and a payment
/// racing a void has exactly one winner. The simulator answers in microseconds; a real
/// processor would authorize first and capture inside the transaction.
package struct CheckoutService: Sendable {
    package let requests: RequestService
    package let makeProcessor: @Sendable (BusinessSettings) -> any PaymentProcessor

    package init(requests: RequestService,
                makeProcessor: @escaping @Sendable (BusinessSettings) -> any PaymentProcessor) {
        self.requests = requests
        self.makeProcessor = makeProcessor
    }

    /// The simulator, with the business's Affirm terms and time zone.
    package static func simulated(_ requests: RequestService) -> CheckoutService {
        CheckoutService(requests: requests) { settings in SimulatedProcessor(settings: settings, now: requests.clock) }
    }

    package func charge(_ referenceText: String, source: PaymentSource, idempotencyKey: String?) throws(OperationError) -> CheckoutResult {
        try attempt(referenceText, idempotencyKey: idempotencyKey, fingerprint: Self.fingerprint(source)) { processor, amount in
            processor.authorize(ChargeRequest(amount: amount, source: source))
        }
    }

    /// The customer approved or failed the 3-D Secure challenge.
    package func completeChallenge(_ referenceText: String, challenge: PendingChallenge, approve: Bool,
                                  idempotencyKey: String?) throws(OperationError) -> CheckoutResult {
        try attempt(referenceText, idempotencyKey: idempotencyKey, fingerprint: "3ds|\(challenge.id)|\(approve)") { processor, amount in
            guard challenge.amount == amount else { return .declined(.authenticationFailed) }
            return processor.completeChallenge(challenge, approve: approve)
        }
    }

    private func attempt(_ referenceText: String, idempotencyKey: String?, fingerprint: String,
                         _ authorize: @escaping (any PaymentProcessor, Money) -> ChargeOutcome) throws(OperationError) -> CheckoutResult {
        let reference = try requests.parseReference(referenceText)
        return try requests.transaction { tx throws(OperationError) in
            // Loaded once per attempt: the fingerprint and the rules read the same snapshot.
            let context = try requests.context(reference, in: tx)
            let run = { () throws(OperationError) -> CheckoutResult in
                let amount = context.state.amountDue
                do throws(BillingError) {
                    try requests.rules(context.business).checkPay(context.state, amount: amount, method: PaymentMethod(kind: .card))
                } catch {
                    return .refused(error.description)
                }
                switch authorize(makeProcessor(context.business), amount) {
                case .approved(let authorization):
                    return .paid(try requests.recordPayment(reference, amount: authorization.amount, method: authorization.method,
                                                            authorizationCode: authorization.code, in: tx))
                case .declined(let reason): return .declined(reason)
                case .challengeRequired(let challenge): return .challengeRequired(challenge)
                case .cancelled: return .cancelled
                case .invalid(let errors): return .invalid(errors)
                }
            }
            guard let idempotencyKey else { return try run() }
            // The request's total is part of what must match: the same key for another amount
            // (the record changed while the customer was on the page) is refused, not replayed.
            let keyFingerprint = "\(reference.key)|\(context.totals.total.minorUnits)|\(fingerprint)"
            if let stored = try requests.storeCall({ () throws(StoreError) in
                try tx.storedResponse(key: idempotencyKey, fingerprint: keyFingerprint, as: CheckoutResult.self)
            }) { return stored }
            let result = try run()
            // Only final answers are replayed: a form error, a cancelled wallet sheet or a pending
            // challenge must let the customer try again with the same attempt.
            if result.isFinal {
                try requests.storeCall { () throws(StoreError) in
                    try tx.storeResponse(result, key: idempotencyKey, fingerprint: keyFingerprint, at: requests.clock())
                }
            }
            return result
        }
    }

    /// What must match for a retry to replay: the method and, for cards, the last 4 digits
    /// (never the full number, which is not stored anywhere, not even hashed).
    static func fingerprint(_ source: PaymentSource) -> String {
        switch source {
        case .card(let card): "card|\(card.last4 ?? "")"
        case let .wallet(kind, action): "wallet|\(kind.rawValue)|\(action.rawValue)"
        case let .affirm(selection, check): "affirm|\(selection.months)|\(check.rawValue)"
        }
    }
}
