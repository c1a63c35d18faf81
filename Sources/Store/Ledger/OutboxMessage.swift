import Billing
import Foundation
import GRDB

/// A text message waiting to be sent (or already sent). The ledger only queues it: sending is
/// another component's job, which marks it sent.
package struct OutboxMessage: Sendable, Hashable {
    package enum Encoding: String, Sendable, Hashable, Codable { case gsm7, ucs2 }
    package enum Status: String, Sendable, Hashable, Codable { case queued, sent }

    /// Assigned by the ledger when queued; nil before.
    package var id: Int64?
    package var createdAt: Date
    package var to: PhoneNumber
    package var body: String
    /// "request", "reminder", "confirmation", "test", …: free text chosen by the caller.
    package var kind: String
    package var reference: Reference?
    package var segments: Int
    package var encoding: Encoding
    package var status: Status
    package var sentAt: Date?

    package init(id: Int64? = nil, createdAt: Date, to: PhoneNumber, body: String, kind: String, reference: Reference?,
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
        do {
            id = try row.decode(forColumn: "id")
            to = try PhoneNumber(try row.decode(String.self, forColumn: "to_phone"))
            reference = try row.decode(String?.self, forColumn: "reference").map { text throws(BillingError) in try Reference(text) }
            guard let encoding = Encoding(rawValue: try row.decode(forColumn: "encoding")),
                  let status = Status(rawValue: try row.decode(forColumn: "status")) else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown encoding or status"))
            }
            self.encoding = encoding
            self.status = status
            createdAt = LedgerCoding.date(try row.decode(forColumn: "created_at"))
            body = try row.decode(forColumn: "body")
            kind = try row.decode(forColumn: "kind")
            segments = try row.decode(forColumn: "segments")
            sentAt = try row.decode(Int64?.self, forColumn: "sent_at").map(LedgerCoding.date)
        } catch {
            let id = (try? row.decode(Int64.self, forColumn: "id")).map(String.init) ?? "?"
            throw .corruptData(path: path, what: "outbox message \(id)", reason: "\(error)")
        }
    }
}
