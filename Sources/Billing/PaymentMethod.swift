/// How a request was paid. For cards only the brand and the last 4 digits are ever kept.
package struct PaymentMethod: Sendable, Hashable, Codable {
    package enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case card
        case applePay = "apple_pay"
        case googlePay = "google_pay"
        case affirm
        case cash
        case cheque
        case etransfer

        /// Recorded by staff, not through the checkout.
        package var isOffline: Bool { [.cash, .cheque, .etransfer].contains(self) }
    }

    package var kind: Kind
    package var cardBrand: String?
    package var last4: String?
    package var affirmPlan: AffirmPlan?

    package init(kind: Kind, cardBrand: String? = nil, last4: String? = nil, affirmPlan: AffirmPlan? = nil) {
        self.kind = kind
        self.cardBrand = cardBrand
        self.last4 = last4.map { String($0.suffix(4)) }
        self.affirmPlan = affirmPlan
    }

    package static func offline(_ kind: Kind) -> PaymentMethod { PaymentMethod(kind: kind) }
}

/// A payment as recorded in the ledger, with the invoice it paid frozen in `snapshot`.
package struct Payment: Sendable, Hashable, Codable {
    package var amount: Money
    package var method: PaymentMethod
    package var authorizationCode: String
    package var receiptNumber: Int
    package var snapshot: InvoiceSnapshot

    package init(amount: Money, method: PaymentMethod, authorizationCode: String, receiptNumber: Int, snapshot: InvoiceSnapshot) {
        self.amount = amount
        self.method = method
        self.authorizationCode = authorizationCode
        self.receiptNumber = receiptNumber
        self.snapshot = snapshot
    }
}

/// A refund, numbered in its own sequence (refund notes).
package struct Refund: Sendable, Hashable, Codable {
    package var amount: Money
    package var reason: String?
    package var number: Int

    package init(amount: Money, reason: String?, number: Int) {
        self.amount = amount
        self.reason = reason
        self.number = number
    }
}
