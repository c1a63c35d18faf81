import Billing
import Foundation
import GRDB

/// Reads in batches: a build walks a ledger of any size holding one batch at a time, so its
/// memory does not grow with the number of requests.
extension Ledger {
    /// Up to `limit` references registered after the row `after` (0: from the first), in the
    /// order they were registered, with their row numbers (pass the last as the next `after`).
    public func references(after: Int64, limit: Int) throws(StoreError) -> [(row: Int64, reference: Reference)] {
        let rows = try read("list references") { db in
            try Row.fetchAll(db, sql: "SELECT rowid, reference FROM requests WHERE rowid > ? ORDER BY rowid LIMIT ?", arguments: [after, limit])
        }
        var result: [(row: Int64, reference: Reference)] = []
        result.reserveCapacity(rows.count)
        for row in rows {
            let value: String = row[1]
            do { result.append((row[0], try Reference(value))) } catch {
                throw .corruptData(path: path, what: "request \"\(value)\"", reason: "\(error)")
            }
        }
        return result
    }

    /// These requests' rows and events, in one read (one consistent snapshot), keyed by
    /// `Reference.key`. References without a row are absent.
    public func batch(_ references: [Reference]) throws(StoreError) -> [String: (row: RequestRow, entries: [LedgerEntry])] {
        guard !references.isEmpty else { return [:] }
        let values = references.map(\.value)
        let marks = Self.marks(values.count)
        // Rows and events in one read: one consistent snapshot.
        let (rowRows, eventRows) = try read("read a batch of requests") { db in
            (try Self.fetchRows(db, values),
             try Row.fetchAll(db, sql: "SELECT seq, reference, at, payload, actor FROM events WHERE reference IN (\(marks)) ORDER BY seq",
                              arguments: StatementArguments(values)))
        }
        var result: [String: (row: RequestRow, entries: [LedgerEntry])] = [:]
        for (key, row) in try decodeRows(rowRows) { result[key] = (row, []) }
        let decoder = LedgerEntryDecoder(path: path)
        for raw in eventRows {
            let entry = try decoder.entry(raw)
            result[entry.reference.key]?.entries.append(entry)
        }
        return result
    }

    /// These requests' rows alone (no events), keyed by `Reference.key`.
    public func rows(_ references: [Reference]) throws(StoreError) -> [String: RequestRow] {
        guard !references.isEmpty else { return [:] }
        let values = references.map(\.value)
        return try decodeRows(try read("read requests") { db in try Self.fetchRows(db, values) })
    }

    /// `?,?,?` for an `IN (…)` of `count` values (SQLite binds at most 32 766).
    private static func marks(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ",") }

    private static func fetchRows(_ db: Database, _ values: [String]) throws -> [Row] {
        try Row.fetchAll(db, sql: "SELECT \(RequestRow.columns) FROM requests WHERE reference IN (\(marks(values.count)))",
                         arguments: StatementArguments(values))
    }

    private func decodeRows(_ raw: [Row]) throws(StoreError) -> [String: RequestRow] {
        var result: [String: RequestRow] = [:]
        for row in raw {
            let decoded = try RequestRow(row: row, path: path)
            result[decoded.reference.key] = decoded
        }
        return result
    }

    public func requestCount() throws(StoreError) -> Int {
        try read("count the requests") { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM requests") ?? 0 }
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
