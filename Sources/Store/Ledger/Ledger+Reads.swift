import Billing
import Foundation
import GRDB

/// Reads. Each is one consistent snapshot (WAL readers never wait for writers).
extension Ledger {
    func withReader<T>(_ operation: String, _ body: (LedgerTransaction) throws(StoreError) -> T) throws(StoreError) -> T {
        let path = self.path
        return try read(operation) { db in try body(LedgerTransaction(db: db, path: path)) }
    }

    public func entries(for reference: Reference) throws(StoreError) -> [LedgerEntry] {
        try withReader("read the events of \(reference)") { tx throws(StoreError) in try tx.entries(for: reference) }
    }

    /// The whole ledger in order, in one query: the generator folds it once per build.
    public func allEntries() throws(StoreError) -> [LedgerEntry] {
        let rows = try read("read the ledger") { db in
            try Row.fetchAll(db, sql: "SELECT seq, reference, at, payload, actor FROM events ORDER BY seq")
        }
        return try LedgerEntryDecoder(path: path).entries(rows)
    }

    public func request(reference: Reference) throws(StoreError) -> RequestRow? {
        try withReader("read request \(reference)") { tx throws(StoreError) in try tx.request(reference: reference) }
    }

    public func request(token: RequestToken) throws(StoreError) -> RequestRow? {
        try withReader("read a request by token") { tx throws(StoreError) in try tx.request(token: token) }
    }

    /// Every request, newest first.
    public func requests() throws(StoreError) -> [RequestRow] {
        let rows = try read("list requests") { db in
            try Row.fetchAll(db, sql: "SELECT \(RequestRow.columns) FROM requests ORDER BY created_at DESC, rowid DESC")
        }
        var result: [RequestRow] = []
        for row in rows { result.append(try RequestRow(row: row, path: path)) }
        return result
    }

    /// Requests whose customer name contains `text` (ignoring case and accents: "helene" finds
    /// "Hélène", which SQLite's LIKE cannot do), or whose phone contains its digits.
    public func search(nameOrPhone text: String) throws(StoreError) -> [RequestRow] {
        let needle = text.trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty else { return [] }
        let digits = needle.filter(\.isASCII).filter(\.isNumber)
        // Only look at phones when the query is mostly a number, so "Unit 4" does not match every "4".
        let isPhoneQuery = digits.count >= 3 && digits.count * 2 >= needle.count
        return try requests().filter { row in
            if row.customerName.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) != nil { return true }
            return isPhoneQuery && row.customerPhone.e164.contains(digits)
        }
    }

    public func outbox(reference: Reference? = nil) throws(StoreError) -> [OutboxMessage] {
        let rows = try read("read the outbox") { db in
            if let reference {
                return try Row.fetchAll(db, sql: "SELECT * FROM outbox WHERE reference = ? ORDER BY id", arguments: [reference.value])
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM outbox ORDER BY id")
        }
        var result: [OutboxMessage] = []
        for row in rows { result.append(try OutboxMessage(row: row, path: path)) }
        return result
    }

    public func isOptedOut(phone: PhoneNumber) throws(StoreError) -> Bool {
        try withReader("check an opt-out") { tx throws(StoreError) in try tx.isOptedOut(phone: phone) }
    }

    /// Staff notifications, newest first.
    public func notifications(limit: Int = 100) throws(StoreError) -> [StaffNotification] {
        let rows = try read("read notifications") { db in
            try Row.fetchAll(db, sql: "SELECT id, at, reference, text FROM notifications ORDER BY id DESC LIMIT ?",
                             arguments: [limit])
        }
        var result: [StaffNotification] = []
        for row in rows {
            do {
                result.append(StaffNotification(id: try row.decode(forColumn: "id"), at: LedgerCoding.date(try row.decode(forColumn: "at")),
                                                 reference: try Reference(try row.decode(String.self, forColumn: "reference")),
                                                 text: try row.decode(forColumn: "text")))
            } catch {
                throw .corruptData(path: path, what: "a notification", reason: "\(error)")
            }
        }
        return result
    }

    /// A number that changes whenever any process commits a change to the ledger: a server
    /// polls it to notice other processes' writes. Compare for inequality only (a restore may
    /// move it anywhere except back to a value already seen).
    public func changeVersion() throws(StoreError) -> Int64 {
        try read("read the change version") { db in
            try Int64.fetchOne(db, sql: "SELECT value FROM counters WHERE name = ?", arguments: [Ledger.changeCounter]) ?? 0
        }
    }

    /// The sequence number of the last event, 0 when empty.
    public func lastSequence() throws(StoreError) -> Int64 {
        try read("read the last sequence") { db in try Int64.fetchOne(db, sql: "SELECT max(seq) FROM events") ?? 0 }
    }

    /// SQLite's `PRAGMA integrity_check`: the problems found, empty when the file is sound.
    public func integrityCheck() throws(StoreError) -> [String] {
        try read("check integrity") { db in try Ledger.integrityProblems(db) }
    }

    static func integrityProblems(_ db: Database) throws -> [String] {
        let lines = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        return lines == ["ok"] ? [] : lines
    }
}
