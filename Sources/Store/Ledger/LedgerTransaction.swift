import Billing
import Foundation
import GRDB

/// The ledger inside one write transaction (`BEGIN IMMEDIATE`): what is read here cannot change
/// before the transaction commits, so "check the rules, then append" is atomic even across
/// processes. Valid only inside `Ledger.transaction`.
public struct LedgerTransaction {
    let db: Database
    let path: String

    func run<T>(_ operation: String, _ body: () throws -> T) throws(StoreError) -> T {
        try storeRun(path, operation, body)
    }

    // MARK: Requests

    public func request(reference: Reference) throws(StoreError) -> RequestRow? {
        try run("read request \(reference)") {
            try Row.fetchOne(db, sql: "SELECT \(RequestRow.columns) FROM requests WHERE reference = ?",
                             arguments: [reference.value])
        }.map { row throws(StoreError) in try RequestRow(row: row, path: path) }
    }

    public func request(token: RequestToken) throws(StoreError) -> RequestRow? {
        try run("read a request by token") {
            try Row.fetchOne(db, sql: "SELECT \(RequestRow.columns) FROM requests WHERE token = ?", arguments: [token.value])
        }.map { row throws(StoreError) in try RequestRow(row: row, path: path) }
    }

    /// Registers a request with a fresh token and appends `.requested(amount:)`, by `actor`.
    public func createRequest(reference: Reference, amount: Money, customerName: String, customerPhone: PhoneNumber,
                              at date: Date, by actor: EventActor? = nil) throws(StoreError) -> RequestToken {
        guard try request(reference: reference) == nil else {
            throw .duplicateReference(path: path, reference: reference.value)
        }
        let token = try insertUniqueToken { token in
            try db.execute(sql: """
                INSERT INTO requests (\(RequestRow.columns))
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [reference.value, token.value, amount.minorUnits, amount.currency.code,
                                 amount.currency.minorDigits, customerName, customerPhone.e164,
                                 LedgerCoding.millis(date), LedgerCoding.millis(date)])
        }
        _ = try append(.requested(amount: amount), to: reference, at: date, by: actor)
        return token
    }

    /// Mirrors the record's amount and customer; returns whether anything changed.
    /// Whether the request may still change (it is open) is the caller's rule, not the ledger's.
    @discardableResult
    public func updateRequestSummary(reference: Reference, amount: Money, customerName: String,
                                     customerPhone: PhoneNumber, at date: Date) throws(StoreError) -> Bool {
        guard let current = try request(reference: reference) else {
            throw .unknownReference(path: path, reference: reference.value)
        }
        guard current.amount != amount || current.customerName != customerName || current.customerPhone != customerPhone
        else { return false }
        try run("update request \(reference)") {
            try db.execute(sql: """
                UPDATE requests SET amount_minor = ?, currency = ?, currency_digits = ?, customer_name = ?,
                    customer_phone = ?, updated_at = ? WHERE reference = ?
                """, arguments: [amount.minorUnits, amount.currency.code, amount.currency.minorDigits, customerName,
                                 customerPhone.e164, LedgerCoding.millis(date), reference.value])
        }
        return true
    }

    /// Replaces the token (the old link stops resolving) and appends `.linkRotated`, by `actor`.
    public func rotateToken(reference: Reference, at date: Date, by actor: EventActor? = nil) throws(StoreError) -> RequestToken {
        guard try request(reference: reference) != nil else {
            throw .unknownReference(path: path, reference: reference.value)
        }
        let token = try insertUniqueToken { token in
            try db.execute(sql: "UPDATE requests SET token = ?, updated_at = ? WHERE reference = ?",
                           arguments: [token.value, LedgerCoding.millis(date), reference.value])
        }
        _ = try append(.linkRotated, to: reference, at: date, by: actor)
        return token
    }

    /// A 128-bit collision is practically impossible, but the UNIQUE constraint makes it
    /// harmless too: draw again instead of failing.
    private func insertUniqueToken(_ write: (RequestToken) throws -> Void) throws(StoreError) -> RequestToken {
        for _ in 0..<3 {
            let token = RequestToken.random()
            if try run("check token uniqueness", {
                try Bool.fetchOne(db, sql: "SELECT 1 FROM requests WHERE token = ?", arguments: [token.value]) ?? false
            }) { continue }
            try run("store a token") { try write(token) }
            return token
        }
        throw .database(path: path, operation: "draw a token", message: "three random tokens collided")
    }

    // MARK: Events

    public func entries(for reference: Reference) throws(StoreError) -> [LedgerEntry] {
        let rows = try run("read the events of \(reference)") {
            try Row.fetchAll(db, sql: "SELECT seq, reference, at, payload, actor FROM events WHERE reference = ? ORDER BY seq",
                             arguments: [reference.value])
        }
        return try LedgerEntryDecoder(path: path).entries(rows)
    }

    /// Appends an event to an existing request, recording who caused it; the entry carries the
    /// reference as first spelled.
    public func append(_ event: RequestEvent, to reference: Reference, at date: Date,
                       by actor: EventActor? = nil) throws(StoreError) -> LedgerEntry {
        guard let canonical = try request(reference: reference)?.reference else {
            throw .unknownReference(path: path, reference: reference.value)
        }
        let payload = try run("encode a \(event.kind) event") { try LedgerCoding.encode(event) }
        let seq = try run("append a \(event.kind) event to \(reference)") {
            try db.execute(sql: "INSERT INTO events (reference, at, kind, payload, actor) VALUES (?, ?, ?, ?, ?)",
                           arguments: [canonical.value, LedgerCoding.millis(date), event.kind, payload, LedgerCoding.actor(actor)])
            return db.lastInsertedRowID
        }
        return LedgerEntry(sequence: seq, reference: canonical, at: LedgerCoding.truncated(date), event: event, actor: actor)
    }

    // MARK: Numbers

    /// The next number of a business-wide sequence (1, 2, 3…), allocated in this transaction:
    /// if it rolls back, the number is not used up.
    /// The next number of `sequence` for one business (`scope`): receipts and refund notes are
    /// numbered per business, without gaps, inside the transaction that uses the number.
    public func nextNumber(_ sequence: NumberSequence, scope: String? = nil) throws(StoreError) -> Int {
        let name = scope.map { "\(sequence.rawValue):\($0)" } ?? sequence.rawValue
        return try run("allocate a \(sequence.rawValue) number") {
            try Int.fetchOne(db, sql: """
                INSERT INTO counters (name, value) VALUES (?, 1)
                ON CONFLICT(name) DO UPDATE SET value = value + 1
                RETURNING value
                """, arguments: [name]) ?? 0
        }
    }
}
