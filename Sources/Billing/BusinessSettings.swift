import Foundation

/// The business: who it is, how it taxes, and the policies its requests follow.
public struct BusinessSettings: Sendable, Hashable {
    public struct Address: Sendable, Hashable, Codable {
        public var street: String
        public var city: String
        public var province: String
        public var postalCode: String

        public init(street: String, city: String, province: String, postalCode: String) {
            self.street = street
            self.city = city
            self.province = province
            self.postalCode = postalCode
        }
    }

    public struct Affirm: Sendable, Hashable {
        public var enabled: Bool
        public var minimum: Money
        public var maximum: Money
        /// Days after payment during which an Affirm refund is accepted.
        public var refundWindowDays: Int

        public init(enabled: Bool, minimum: Money, maximum: Money, refundWindowDays: Int = 120) {
            self.enabled = enabled
            self.minimum = minimum
            self.maximum = maximum
            self.refundWindowDays = refundWindowDays
        }

        public func isEligible(_ amount: Money) -> Bool {
            enabled && amount.currency == minimum.currency && amount >= minimum && amount <= maximum
        }
    }

    public struct Reminders: Sendable, Hashable {
        public var maxTotal: Int
        public var maxPerDay: Int

        public init(maxTotal: Int = 3, maxPerDay: Int = 1) {
            self.maxTotal = maxTotal
            self.maxPerDay = maxPerDay
        }
    }

    public var companyName: String
    public var phone: PhoneNumber
    public var email: String?
    public var website: String?
    public var address: Address
    public var taxes: [TaxRate]
    public var currency: Currency
    public var defaultLanguage: Language
    public var timeZone: TimeZone
    public var baseURL: String
    public var affirm: Affirm
    public var automaticConfirmation: Bool
    /// Saved reply used for automatic confirmations; nil means the built-in text.
    public var confirmationReply: String?
    public var optOutWording: Bool
    public var reminders: Reminders
    public var theme: String
    /// Quebec businesses never issue an English-only receipt (Charter of the French language).
    public var bilingualReceipts: Bool
    /// Processor fees, settlement delay and holidays: what deposits are made of.
    public var deposits: DepositPolicy

    public init(companyName: String, phone: PhoneNumber, email: String? = nil, website: String? = nil, address: Address,
                taxes: [TaxRate], currency: Currency = .cad, defaultLanguage: Language = .fr,
                timeZone: TimeZone = TimeZone(identifier: "America/Toronto")!, baseURL: String = "http://127.0.0.1:8080",
                affirm: Affirm, automaticConfirmation: Bool = true, confirmationReply: String? = nil,
                optOutWording: Bool = true, reminders: Reminders = .init(), theme: String = "default",
                bilingualReceipts: Bool = false, deposits: DepositPolicy = DepositPolicy()) {
        self.companyName = companyName
        self.phone = phone
        self.email = email
        self.website = website
        self.address = address
        self.taxes = taxes
        self.currency = currency
        self.defaultLanguage = defaultLanguage
        self.timeZone = timeZone
        self.baseURL = baseURL
        self.affirm = affirm
        self.automaticConfirmation = automaticConfirmation
        self.confirmationReply = confirmationReply
        self.optOutWording = optOutWording
        self.reminders = reminders
        self.theme = theme
        self.bilingualReceipts = bilingualReceipts
        self.deposits = deposits
    }

    public var isInQuebec: Bool { address.province.uppercased() == "QC" }

    /// The languages a receipt may be issued in alone: a Quebec business never issues English only.
    public func receiptLanguages(for language: Language) -> [Language] {
        guard isInQuebec, language == .en else { return [language] }
        return [.fr, .en]
    }

    /// The public link of a request's token.
    public func link(token: String) -> String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return "\(base)/p/\(token)/"
    }
}
