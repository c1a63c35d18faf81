import Billing
import Foundation
import GRDB

/// A customer's reply to a text, as recorded (never with a card number: masked before).
package struct InboundMessage: Sendable, Hashable {
    /// Assigned by the ledger; nil before.
    package var id: Int64?
    package var receivedAt: Date
    package var from: PhoneNumber
    package var body: String
    /// The reply was an opt-out keyword (STOP, ARRET…).
    package var optOut: Bool

    package init(id: Int64? = nil, receivedAt: Date, from: PhoneNumber, body: String, optOut: Bool) {
        self.id = id
        self.receivedAt = receivedAt
        self.from = from
        self.body = body
        self.optOut = optOut
    }

    init(row: Row, path: String) throws(StoreError) {
        do {
            id = try row.decode(forColumn: "id")
            receivedAt = LedgerCoding.date(try row.decode(forColumn: "received_at"))
            from = try PhoneNumber(try row.decode(String.self, forColumn: "from_phone"))
            body = try row.decode(forColumn: "body")
            optOut = try row.decode(Int.self, forColumn: "opt_out") != 0
        } catch {
            let id = (try? row.decode(Int64.self, forColumn: "id")).map(String.init) ?? "?"
            throw .corruptData(path: path, what: "inbound message \(id)", reason: "\(error)")
        }
    }
}
