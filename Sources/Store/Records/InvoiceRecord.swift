import Billing
import Foundation

/// `Records/invoices/<reference>.json` as people and importers write it: money as strings.
package struct InvoiceRecord: Codable, Sendable, Hashable {
    package struct CustomerRecord: Codable, Sendable, Hashable {
        package var name: String
        package var phone: String
        package var email: String?
        package var language: String?
        package var meta: [String: String]?
    }

    package struct AppointmentRecord: Codable, Sendable, Hashable {
        package var meta: [String: String]?
    }

    package struct LineRecord: Codable, Sendable, Hashable {
        package var description: String
        package var quantity: String?
        package var unitPrice: String
        /// "10%" or an amount such as "5.00".
        package var discount: String?
        package var taxable: Bool?
        /// labour, part, fee, sublet or discount (the only kind whose unit price is negative).
        package var kind: String?
        package var opCode: String?
        package var technician: String?

        package init(description: String, quantity: String?, unitPrice: String, discount: String? = nil, taxable: Bool? = nil,
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

    package var reference: String
    /// Key of a business in `Records/businesses/`; absent means the workspace's `business.json`.
    package var business: String?
    package var customer: CustomerRecord
    package var appointment: AppointmentRecord?
    package var amount: String?
    package var lines: [LineRecord]?
    package var notes: String?
    package var issued: String?
    package var due: String?
    package var source: String?

    package init(reference: String, customer: CustomerRecord, amount: String? = nil, lines: [LineRecord]? = nil) {
        self.reference = reference
        self.customer = customer
        self.amount = amount
        self.lines = lines
    }
}

extension InvoiceRecord.CustomerRecord {
    package init(name: String, phone: String, email: String? = nil, language: String? = nil) {
        self.name = name
        self.phone = phone
        self.email = email
        self.language = language
        self.meta = nil
    }
}
