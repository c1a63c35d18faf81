import Billing

package enum WalletKind: String, Sendable, Hashable, Codable, CaseIterable {
    case applePay = "apple_pay"
    case googlePay = "google_pay"

    package var methodKind: PaymentMethod.Kind { self == .applePay ? .applePay : .googlePay }

    /// The card the simulated wallet holds on the "device".
    package var simulatedDeviceCard: (brand: CardBrand, last4: String) {
        switch self {
        case .applePay: (.visa, "4242")
        case .googlePay: (.mastercard, "4444")
        }
    }
}

/// What the customer did on the simulated wallet sheet.
package enum WalletAction: String, Sendable, Hashable, Codable, CaseIterable {
    case approve, cancel, fail
}

/// The Affirm plan the customer chose, by its length.
package struct AffirmSelection: Sendable, Hashable, Codable {
    package var months: Int
    package init(months: Int) { self.months = months }
}

/// The simulated "light credit check": the customer picks the outcome on the simulator page,
/// so it is deterministic on input.
package enum SimulatedCreditCheck: String, Sendable, Hashable, Codable, CaseIterable {
    case approve, decline
}

package enum PaymentSource: Sendable {
    case card(CardDetails)
    case wallet(WalletKind, WalletAction)
    case affirm(AffirmSelection, creditCheck: SimulatedCreditCheck)
}

/// A charge to authorize. Not `Codable` (it may hold card details); keep it in memory only.
package struct ChargeRequest: Sendable {
    package var amount: Money
    package var source: PaymentSource

    package init(amount: Money, source: PaymentSource) {
        self.amount = amount
        self.source = source
    }
}

/// An approved payment: what the ledger records. Holds only brand and last 4, never the card.
package struct Authorization: Sendable, Hashable, Codable {
    /// 6 uppercase letters and digits.
    package var code: String
    package var amount: Money
    package var method: PaymentMethod

    package var affirmPlan: AffirmPlan? { method.affirmPlan }

    package init(code: String, amount: Money, method: PaymentMethod) {
        self.code = code
        self.amount = amount
        self.method = method
    }
}

/// A 3-D Secure challenge waiting for the customer. The processor keeps nothing: the caller
/// stores this value (it holds no card data) and hands it back to `completeChallenge`.
package struct PendingChallenge: Sendable, Hashable, Codable {
    /// "3ds_" followed by 16 random lowercase letters and digits.
    package var id: String
    package var amount: Money
    package var brand: CardBrand
    package var last4: String

    package init(id: String, amount: Money, brand: CardBrand, last4: String) {
        self.id = id
        self.amount = amount
        self.brand = brand
        self.last4 = last4
    }
}

package enum ChargeOutcome: Sendable, Hashable, Codable {
    case approved(Authorization)
    case declined(DeclineReason)
    /// 3-D Secure: show the challenge, then call `completeChallenge`.
    case challengeRequired(PendingChallenge)
    /// The customer closed the wallet sheet: nothing happened, nothing to record.
    case cancelled
    /// Fields to correct, in form order (number, expiry, CVC, name).
    case invalid([FieldError])

    package var authorization: Authorization? {
        if case .approved(let authorization) = self { return authorization }
        return nil
    }
}
