import Billing
import Foundation
import GRDB

/// Outbox, opt-outs and staff notifications, inside a transaction so that queuing a text and
/// recording it on the request (`.messageSent`) happen together or not at all.
extension LedgerTransaction {
    /// Queues a message and returns its id. Whether the recipient opted out is checked by the
    /// caller (`isOptedOut`), since a test message to staff is allowed anywhere.
    public func enqueue(_ message: OutboxMessage) throws(StoreError) -> Int64 {
        try run("queue a \(message.kind) message") {
            try db.execute(sql: """
                INSERT INTO outbox (created_at, to_phone, body, kind, reference, segments, encoding, status, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [LedgerCoding.millis(message.createdAt), message.to.e164, message.body, message.kind,
                                 message.reference?.value, message.segments, message.encoding.rawValue,
                                 message.status.rawValue, message.sentAt.map(LedgerCoding.millis)])
            return db.lastInsertedRowID
        }
    }

    public func markSent(messageID id: Int64, at date: Date) throws(StoreError) {
        let changed = try run("mark message \(id) sent") {
            try db.execute(sql: "UPDATE outbox SET status = 'sent', sent_at = ? WHERE id = ?",
                           arguments: [LedgerCoding.millis(date), id])
            return db.changesCount
        }
        guard changed == 1 else { throw .unknownMessage(path: path, id: id) }
    }

    public func optOut(phone: PhoneNumber, at date: Date) throws(StoreError) {
        try run("record an opt-out") {
            try db.execute(sql: "INSERT INTO opt_outs (phone, at) VALUES (?, ?) ON CONFLICT(phone) DO NOTHING",
                           arguments: [phone.e164, LedgerCoding.millis(date)])
        }
    }

    /// The customer texted START again.
    public func optIn(phone: PhoneNumber) throws(StoreError) {
        try run("remove an opt-out") {
            try db.execute(sql: "DELETE FROM opt_outs WHERE phone = ?", arguments: [phone.e164])
        }
    }

    public func isOptedOut(phone: PhoneNumber) throws(StoreError) -> Bool {
        try run("check an opt-out") {
            try Bool.fetchOne(db, sql: "SELECT 1 FROM opt_outs WHERE phone = ?", arguments: [phone.e164]) ?? false
        }
    }

    /// Records a staff notification and appends `.notified` to the request (by whoever caused
    /// it), together.
    public func notifyStaff(about reference: Reference, text: String, at date: Date,
                            by actor: EventActor? = nil) throws(StoreError) -> StaffNotification {
        let entry = try append(.notified, to: reference, at: date, by: actor)
        let id = try run("record a staff notification") {
            try db.execute(sql: "INSERT INTO notifications (at, reference, text) VALUES (?, ?, ?)",
                           arguments: [LedgerCoding.millis(date), entry.reference.value, text])
            return db.lastInsertedRowID
        }
        return StaffNotification(id: id, at: entry.at, reference: entry.reference, text: text)
    }
}
