import Billing
import Foundation
import GRDB

/// A customer's conversation: the texts queued to their phone and the replies received from it.
extension LedgerTransaction {
    /// Records a reply and returns its id.
    package func recordInbound(_ message: InboundMessage) throws(StoreError) -> Int64 {
        try run("record a reply") {
            try db.execute(sql: "INSERT INTO inbound_messages (received_at, from_phone, body, opt_out) VALUES (?, ?, ?, ?)",
                           arguments: [LedgerCoding.millis(message.receivedAt), message.from.e164, message.body, message.optOut ? 1 : 0])
            return db.lastInsertedRowID
        }
    }
}

extension Ledger {
    /// Replies from one phone, oldest first.
    package func inbound(from phone: PhoneNumber) throws(StoreError) -> [InboundMessage] {
        let rows = try read("read replies") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM inbound_messages WHERE from_phone = ? ORDER BY id", arguments: [phone.e164])
        }
        var result: [InboundMessage] = []
        for row in rows { result.append(try InboundMessage(row: row, path: path)) }
        return result
    }

    /// Texts queued to one phone, oldest first.
    package func outbox(to phone: PhoneNumber) throws(StoreError) -> [OutboxMessage] {
        let rows = try read("read the outbox") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM outbox WHERE to_phone = ? ORDER BY id", arguments: [phone.e164])
        }
        var result: [OutboxMessage] = []
        for row in rows { result.append(try OutboxMessage(row: row, path: path)) }
        return result
    }
}
