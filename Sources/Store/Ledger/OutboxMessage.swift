import Billing
import Foundation
import GRDB

/// A text message waiting to be sent (or already sent). The ledger only queues it: sending is
/// another component's job, which marks it sent.
public struct OutboxMessage: Sendable, Hashable {
    public enum Encoding: String, Sendable, Hashable, Codable { case gsm7, ucs2 }
    public enum Status: String, Sendable, Hashable, Codable { case queued, sent }

    /// Assigned by the ledger when queued; nil before.
    public var id: Int64?
    public var createdAt: Date
    public var to: PhoneNumber
    public var body: String
    /// "request", "reminder", "confirmation", "test", …: free text chosen by the caller.
    public var kind: String
    public var reference: Reference?
    public var segments: Int
    public var encoding: Encoding
    public var status: Status
    public var sentAt: Date?

    public init(id: Int64? = nil, createdAt: Date, to: PhoneNumber, body: String, kind: String, reference: Reference?,
                segments: Int, encoding: Encoding, status: Status = .queued, sentAt: Date? = nil) {
        self.id = id
        self.createdAt = createdAt
        self.to = to
        self.body = body
        self.kind = kind
        self.reference = reference
        self.segments = segments
        self.encoding = encoding
        self.status = status
        self.sentAt = sentAt
    }

    init(row: Row, path: String) throws(StoreError) {
        let id: Int64 = row["id"]
        func corrupt(_ reason: String) -> StoreError { .corruptData(path: path, what: "outbox message \(id)", reason: reason) }
        do {
            to = try PhoneNumber(row["to_phone"] as String)
            reference = try (row["reference"] as String?).map { text throws(BillingError) in try Reference(text) }
        } catch { throw corrupt(error.description) }
        guard let encoding = Encoding(rawValue: row["encoding"]), let status = Status(rawValue: row["status"]) else {
            throw corrupt("unknown encoding or status")
        }
        self.id = id
        self.encoding = encoding
        self.status = status
        createdAt = LedgerCoding.date(row["created_at"])
        body = row["body"]
        kind = row["kind"]
        segments = row["segments"]
        sentAt = (row["sent_at"] as Int64?).map(LedgerCoding.date)
    }
}
