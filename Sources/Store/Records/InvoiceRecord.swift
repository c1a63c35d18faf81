import Billing
import Foundation

/// `Records/invoices/<reference>.json` as people and importers write it: money as strings.
public struct InvoiceRecord: Codable, Sendable, Hashable {
    public struct CustomerRecord: Codable, Sendable, Hashable {
        public var name: String
        public var phone: String
        public var email: String?
        public var language: String?
        public var meta: [String: String]?
    }

    public struct AppointmentRecord: Codable, Sendable, Hashable {
        public var meta: [String: String]?
    }

    public struct LineRecord: Codable, Sendable, Hashable {
        public var description: String
        public var quantity: String?
        public var unitPrice: String
        /// "10%" or an amount such as "5.00".
        public var discount: String?
        public var taxable: Bool?
        /// labour, part, fee, sublet or discount (the only kind whose unit price is negative).
        public var kind: String?
        public var opCode: String?
        public var technician: String?

        public init(description: String, quantity: String?, unitPrice: String, discount: String? = nil, taxable: Bool? = nil,
                    kind: String? = nil, opCode: String? = nil, technician: String? = nil) {
            self.description = description
            self.quantity = quantity
            self.unitPrice = unitPrice
            self.discount = discount
            self.taxable = taxable
            self.kind = kind
            self.opCode = opCode
            self.technician = technician
        }
    }

    public var reference: String
    /// Key of a business in `Records/businesses/`; absent means the workspace's `business.json`.
    public var business: String?
    public var customer: CustomerRecord
    public var appointment: AppointmentRecord?
    public var amount: String?
    public var lines: [LineRecord]?
    public var notes: String?
    public var issued: String?
    public var due: String?
    public var source: String?

    public init(reference: String, customer: CustomerRecord, amount: String? = nil, lines: [LineRecord]? = nil) {
        self.reference = reference
        self.customer = customer
        self.amount = amount
        self.lines = lines
    }
}

extension InvoiceRecord.CustomerRecord {
    public init(name: String, phone: String, email: String? = nil, language: String? = nil) {
        self.name = name
        self.phone = phone
        self.email = email
        self.language = language
        self.meta = nil
    }
}
