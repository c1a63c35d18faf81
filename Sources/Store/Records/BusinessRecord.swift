/// `Records/business.json`: who the business is and its policies. Money and rates as strings.
public struct BusinessRecord: Codable, Sendable, Hashable {
    public struct AddressRecord: Codable, Sendable, Hashable {
        public var street: String
        public var city: String
        public var province: String
        public var postalCode: String
    }

    public struct TaxRecord: Codable, Sendable, Hashable {
        public var code: String
        public var name: [String: String]?
        /// Percent as a string: "5", "9.975".
        public var rate: String
        /// GST/QST registration number, printed on receipts when set.
        public var number: String?
    }

    public struct AffirmRecord: Codable, Sendable, Hashable {
        public var enabled: Bool
        public var minimum: String?
        public var maximum: String?
    }

    public struct ConfirmationRecord: Codable, Sendable, Hashable {
        public var automatic: Bool
        public var reply: String?
    }

    public struct RemindersRecord: Codable, Sendable, Hashable {
        public var maxTotal: Int?
        public var maxPerDay: Int?
    }

    public var companyName: String
    public var phone: String
    public var email: String?
    public var website: String?
    public var address: AddressRecord
    public var taxes: [TaxRecord]?
    public var currency: String?
    public var defaultLanguage: String?
    public var timeZone: String?
    public var baseURL: String?
    public var affirm: AffirmRecord?
    public var confirmation: ConfirmationRecord?
    public var optOutWording: Bool?
    public var reminders: RemindersRecord?
    public var theme: String?
    public var bilingualReceipts: Bool?
    public var deposits: DepositsRecord?
}
