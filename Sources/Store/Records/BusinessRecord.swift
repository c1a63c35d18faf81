/// `Records/business.json`: who the business is and its policies. Money and rates as strings.
package struct BusinessRecord: Codable, Sendable, Hashable {
    package struct AddressRecord: Codable, Sendable, Hashable {
        package var street: String
        package var city: String
        package var province: String
        package var postalCode: String
    }

    package struct TaxRecord: Codable, Sendable, Hashable {
        package var code: String
        package var name: [String: String]?
        /// Percent as a string: "5", "9.975".
        package var rate: String
        /// GST/QST registration number, printed on receipts when set.
        package var number: String?
    }

    package struct AffirmRecord: Codable, Sendable, Hashable {
        package var enabled: Bool
        package var minimum: String?
        package var maximum: String?
    }

    package struct ConfirmationRecord: Codable, Sendable, Hashable {
        package var automatic: Bool
        package var reply: String?
    }

    package struct RemindersRecord: Codable, Sendable, Hashable {
        package var maxTotal: Int?
        package var maxPerDay: Int?
    }

    package var companyName: String
    package var phone: String
    package var email: String?
    package var website: String?
    package var address: AddressRecord
    package var taxes: [TaxRecord]?
    package var currency: String?
    package var defaultLanguage: String?
    package var timeZone: String?
    package var baseURL: String?
    package var affirm: AffirmRecord?
    package var confirmation: ConfirmationRecord?
    package var optOutWording: Bool?
    package var reminders: RemindersRecord?
    package var theme: String?
    package var bilingualReceipts: Bool?
    package var deposits: DepositsRecord?
}
