/// How a request was paid. For cards only the brand and the last 4 digits are ever kept.
public struct PaymentMethod: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case card
        case applePay = "apple_pay"
        case googlePay = "google_pay"
        case affirm
        case cash
        case cheque
        case etransfer

        /// Recorded by staff, not through the checkout.
        public var isOffline: Bool { [.cash, .cheque, .etransfer].contains(self) }
    }

    public var kind: Kind
    public var cardBrand: String?
    public var last4: String?
    public var affirmPlan: AffirmPlan?

    public init(kind: Kind, cardBrand: String? = nil, last4: String? = nil, affirmPlan: AffirmPlan? = nil) {
        self.kind = kind
        self.cardBrand = cardBrand
        self.last4 = last4.map { String($0.suffix(4)) }
        self.affirmPlan = affirmPlan
    }

    public static func offline(_ kind: Kind) -> PaymentMethod { PaymentMethod(kind: kind) }
}

/// A payment as recorded in the ledger, with the invoice it paid frozen in `snapshot`.
public struct Payment: Sendable, Hashable, Codable {
    public var amount: Money
    public var method: PaymentMethod
    public var authorizationCode: String
    public var receiptNumber: Int
    public var snapshot: InvoiceSnapshot

    public init(amount: Money, method: PaymentMethod, authorizationCode: String, receiptNumber: Int, snapshot: InvoiceSnapshot) {
        self.amount = amount
        self.method = method
        self.authorizationCode = authorizationCode
        self.receiptNumber = receiptNumber
        self.snapshot = snapshot
    }
}

/// A refund, numbered in its own sequence (refund notes).
public struct Refund: Sendable, Hashable, Codable {
    public var amount: Money
    public var reason: String?
    public var number: Int

    public init(amount: Money, reason: String?, number: Int) {
        self.amount = amount
        self.reason = reason
        self.number = number
    }
}
