import Billing
import Foundation
import GRDB

/// A request as the ledger lists it: enough to find it, link to it and show it in a list.
/// The amount and customer mirror the record (kept in sync while the request is open).
public struct RequestRow: Sendable, Hashable {
    public var reference: Reference
    public var token: RequestToken
    public var amount: Money
    public var customerName: String
    public var customerPhone: PhoneNumber
    public var createdAt: Date
    public var updatedAt: Date

    public init(reference: Reference, token: RequestToken, amount: Money, customerName: String,
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

    /// Reads a row selected with `columns`; a value the domain refuses means a damaged file.
    init(row: Row, path: String) throws(StoreError) {
        let referenceText: String = row["reference"]
        func corrupt(_ reason: String) -> StoreError {
            .corruptData(path: path, what: "request \"\(referenceText)\"", reason: reason)
        }
        do {
            reference = try Reference(referenceText)
            customerPhone = try PhoneNumber(row["customer_phone"] as String)
        } catch { throw corrupt(error.description) }
        guard let token = RequestToken(row["token"]) else { throw corrupt("malformed token") }
        self.token = token
        amount = Money(minorUnits: row["amount_minor"],
                       currency: Currency(code: row["currency"], minorDigits: row["currency_digits"]))
        customerName = row["customer_name"]
        createdAt = LedgerCoding.date(row["created_at"])
        updatedAt = LedgerCoding.date(row["updated_at"])
    }
}
