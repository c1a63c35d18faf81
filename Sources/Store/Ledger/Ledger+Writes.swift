import Billing
import Foundation

/// Single-step writes, each its own transaction. To check rules and write atomically, use
/// `transaction` and the same methods on `LedgerTransaction`.
extension Ledger {
    /// Registers a request with a fresh token and appends `.requested(amount:)`.
    /// Fails with `.duplicateReference` if the reference exists, ignoring case.
    public func createRequest(reference: Reference, amount: Money, customerName: String, customerPhone: PhoneNumber,
                              at date: Date, by actor: EventActor? = nil) throws(StoreError) -> RequestToken {
        try write { tx throws(StoreError) in
            try tx.createRequest(reference: reference, amount: amount, customerName: customerName,
                                 customerPhone: customerPhone, at: date, by: actor)
        }
    }

    @discardableResult
    public func updateRequestSummary(reference: Reference, amount: Money, customerName: String,
                                     customerPhone: PhoneNumber, at date: Date) throws(StoreError) -> Bool {
        try write { tx throws(StoreError) in
            try tx.updateRequestSummary(reference: reference, amount: amount, customerName: customerName,
                                        customerPhone: customerPhone, at: date)
        }
    }

    public func rotateToken(reference: Reference, at date: Date, by actor: EventActor? = nil) throws(StoreError) -> RequestToken {
        try write { tx throws(StoreError) in try tx.rotateToken(reference: reference, at: date, by: actor) }
    }

    @discardableResult
    public func append(_ event: RequestEvent, to reference: Reference, at date: Date,
                       by actor: EventActor? = nil) throws(StoreError) -> LedgerEntry {
        try write { tx throws(StoreError) in try tx.append(event, to: reference, at: date, by: actor) }
    }

    public func enqueue(_ message: OutboxMessage) throws(StoreError) -> Int64 {
        try write { tx throws(StoreError) in try tx.enqueue(message) }
    }

    public func markSent(messageID id: Int64, at date: Date) throws(StoreError) {
        try write { tx throws(StoreError) in try tx.markSent(messageID: id, at: date) }
    }

    public func optOut(phone: PhoneNumber, at date: Date) throws(StoreError) {
        try write { tx throws(StoreError) in try tx.optOut(phone: phone, at: date) }
    }

    public func optIn(phone: PhoneNumber) throws(StoreError) {
        try write { tx throws(StoreError) in try tx.optIn(phone: phone) }
    }

    @discardableResult
    public func notifyStaff(about reference: Reference, text: String, at date: Date,
                            by actor: EventActor? = nil) throws(StoreError) -> StaffNotification {
        try write { tx throws(StoreError) in try tx.notifyStaff(about: reference, text: text, at: date, by: actor) }
    }

    /// `body` runs at most once per key, in one transaction with the stored response.
    public func idempotent<Response: Codable>(key: String, fingerprint: String, at date: Date,
                                              _ body: (LedgerTransaction) throws -> Response) throws -> Response {
        try transaction { tx in try tx.idempotent(key: key, fingerprint: fingerprint, at: date) { try body(tx) } }
    }
}
