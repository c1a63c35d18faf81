import Billing
import Foundation
import GRDB

/// A request as the ledger lists it: enough to find it, link to it and show it in a list.
/// The amount and customer mirror the record (kept in sync while the request is open).
package struct RequestRow: Sendable, Hashable {
    package var reference: Reference
    package var token: RequestToken
    package var amount: Money
    package var customerName: String
    package var customerPhone: PhoneNumber
    package var createdAt: Date
    package var updatedAt: Date

    package init(reference: Reference, token: RequestToken, amount: Money, customerName: String,
                customerPhone: PhoneNumber, createdAt: Date, updatedAt: Date) {
        self.reference = reference
        self.token = token
        self.amount = amount
        self.customerName = customerName
        self.customerPhone = customerPhone
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    static let columns = """
        reference, token, amount_minor, currency, currency_digits, customer_name, customer_phone, created_at, updated_at
        """

    /// Reads a row selected with `columns`. Throwing decoders, not subscripts: GRDB's subscripts
    /// trap on a NULL or mistyped value, and the file may have been edited by hand.
    init(row: Row, path: String) throws(StoreError) {
        do {
            reference = try Reference(try row.decode(String.self, forColumn: "reference"))
            guard let token = RequestToken(try row.decode(String.self, forColumn: "token")) else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "malformed token"))
            }
            self.token = token
            amount = Money(minorUnits: try row.decode(forColumn: "amount_minor"),
                           currency: Currency(code: try row.decode(forColumn: "currency"),
                                              minorDigits: try row.decode(forColumn: "currency_digits")))
            customerName = try row.decode(forColumn: "customer_name")
            customerPhone = try PhoneNumber(try row.decode(String.self, forColumn: "customer_phone"))
            createdAt = LedgerCoding.date(try row.decode(forColumn: "created_at"))
            updatedAt = LedgerCoding.date(try row.decode(forColumn: "updated_at"))
        } catch {
            let reference = (try? row.decode(String.self, forColumn: "reference")) ?? "?"
            throw .corruptData(path: path, what: "request \"\(reference)\"", reason: "\(error)")
        }
    }
}
