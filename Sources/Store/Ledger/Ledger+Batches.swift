import Billing
import Foundation
import GRDB

/// Reads in batches: a build walks a ledger of any size holding one batch at a time, so its
/// memory does not grow with the number of requests.
extension Ledger {
    /// Every request's reference, in the order they were registered.
    public func references() throws(StoreError) -> [Reference] {
        let values = try read("list references") { db in try String.fetchAll(db, sql: "SELECT reference FROM requests ORDER BY rowid") }
        var result: [Reference] = []
        result.reserveCapacity(values.count)
        for value in values {
            do { result.append(try Reference(value)) } catch {
                throw .corruptData(path: path, what: "request \"\(value)\"", reason: "\(error)")
            }
        }
        return result
    }

    /// These requests' rows and events, in one read (one consistent snapshot), keyed by
    /// `Reference.key`. References without a row are absent.
    public func batch(_ references: [Reference]) throws(StoreError) -> [String: (row: RequestRow, entries: [LedgerEntry])] {
        guard !references.isEmpty else { return [:] }
        // SQLite binds at most 32 766 parameters; a build's batches are far smaller.
        let values = references.map(\.value)
        let marks = Array(repeating: "?", count: values.count).joined(separator: ",")
        let (rowRows, eventRows) = try read("read a batch of requests") { db in
            (try Row.fetchAll(db, sql: "SELECT \(RequestRow.columns) FROM requests WHERE reference IN (\(marks))",
                              arguments: StatementArguments(values)),
             try Row.fetchAll(db, sql: "SELECT seq, reference, at, payload FROM events WHERE reference IN (\(marks)) ORDER BY seq",
                              arguments: StatementArguments(values)))
        }
        var result: [String: (row: RequestRow, entries: [LedgerEntry])] = [:]
        for raw in rowRows {
            let row = try RequestRow(row: raw, path: path)
            result[row.reference.key] = (row, [])
        }
        let decoder = LedgerEntryDecoder(path: path)
        for raw in eventRows {
            let entry = try decoder.entry(raw)
            result[entry.reference.key]?.entries.append(entry)
        }
        return result
    }

    public func outboxCount() throws(StoreError) -> Int {
        try read("count the outbox") { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox") ?? 0 }
    }

    /// `limit` messages from the `offset`-th oldest, oldest first.
    public func outbox(offset: Int, limit: Int) throws(StoreError) -> [OutboxMessage] {
        let rows = try read("read the outbox") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM outbox ORDER BY id LIMIT ? OFFSET ?", arguments: [limit, offset])
        }
        var result: [OutboxMessage] = []
        for row in rows { result.append(try OutboxMessage(row: row, path: path)) }
        return result
    }
}
