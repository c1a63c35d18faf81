import Foundation

/// The business: who it is, how it taxes, and the policies its requests follow.
package struct BusinessSettings: Sendable, Hashable {
    package struct Address: Sendable, Hashable, Codable {
        package var street: String
        package var city: String
        package var province: String
        package var postalCode: String

        package init(street: String, city: String, province: String, postalCode: String) {
            self.street = street
            self.city = city
            self.province = province
            self.postalCode = postalCode
        }
    }

    package struct Affirm: Sendable, Hashable {
        package var enabled: Bool
        package var minimum: Money
        package var maximum: Money
        /// Days after payment during which an Affirm refund is accepted.
        package var refundWindowDays: Int

        package init(enabled: Bool, minimum: Money, maximum: Money, refundWindowDays: Int = 120) {
            self.enabled = enabled
            self.minimum = minimum
            self.maximum = maximum
            self.refundWindowDays = refundWindowDays
        }

        package func isEligible(_ amount: Money) -> Bool {
            enabled && amount.currency == minimum.currency && amount >= minimum && amount <= maximum
        }
    }

    package struct Reminders: Sendable, Hashable {
        package var maxTotal: Int
        package var maxPerDay: Int

        package init(maxTotal: Int = 3, maxPerDay: Int = 1) {
            self.maxTotal = maxTotal
            self.maxPerDay = maxPerDay
        }
    }

    package var companyName: String
    package var phone: PhoneNumber
    package var email: String?
    package var website: String?
    package var address: Address
    package var taxes: [TaxRate]
    package var currency: Currency
    package var defaultLanguage: Language
    package var timeZone: TimeZone
    package var baseURL: String
    package var affirm: Affirm
    package var automaticConfirmation: Bool
    /// Saved reply used for automatic confirmations; nil means the built-in text.
    package var confirmationReply: String?
    package var optOutWording: Bool
    package var reminders: Reminders
    package var theme: String
    /// Quebec businesses never issue an English-only receipt (Charter of the French language).
    package var bilingualReceipts: Bool
    /// Processor fees, settlement delay and holidays: what deposits are made of.
    package var deposits: DepositPolicy

    package init(companyName: String, phone: PhoneNumber, email: String? = nil, website: String? = nil, address: Address,
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

    package var isInQuebec: Bool { address.province.uppercased() == "QC" }

    /// The languages a receipt may be issued in alone: a Quebec business never issues English only.
    package func receiptLanguages(for language: Language) -> [Language] {
        guard isInQuebec, language == .en else { return [language] }
        return [.fr, .en]
    }

    /// The public link of a request's token.
    package func link(token: String) -> String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return "\(base)/p/\(token)/"
    }
}
