import Foundation
import GRDB

/// Idempotency keys: a retried or double-clicked request gets the first answer back instead
/// of acting twice. The key and its response are stored in the same transaction as the effect.
extension LedgerTransaction {
    /// The response stored for `key`, or nil if the key is new.
    /// Throws `.idempotencyConflict` if the key was used with another fingerprint.
    package func storedResponse<Response: Decodable>(key: String, fingerprint: String,
                                                    as type: Response.Type = Response.self) throws(StoreError) -> Response? {
        let stored = try run("look up idempotency key") {
            try Row.fetchOne(db, sql: "SELECT fingerprint, response FROM idempotency WHERE key = ?", arguments: [key])
                .map { row in (try row.decode(String.self, forColumn: "fingerprint"), try row.decode(String.self, forColumn: "response")) }
        }
        guard let (storedFingerprint, response) = stored else { return nil }
        guard storedFingerprint == fingerprint else { throw .idempotencyConflict(path: path, key: key) }
        do {
            return try LedgerCoding.decoder().decode(Response.self, from: Data(response.utf8))
        } catch {
            throw .corruptData(path: path, what: "idempotency response for key \"\(key)\"", reason: "\(error)")
        }
    }

    package func storeResponse<Response: Encodable>(_ response: Response, key: String, fingerprint: String,
                                                   at date: Date) throws(StoreError) {
        try run("store idempotency key") {
            try db.execute(sql: "INSERT INTO idempotency (key, fingerprint, response, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [key, fingerprint, try LedgerCoding.encode(response), LedgerCoding.millis(date)])
        }
    }

    /// Runs `body` once per key: a later call with the same key and fingerprint returns the
    /// stored response without running it. If `body` throws, nothing is stored (the caller's
    /// transaction rolls back), so a failed attempt can be retried with the same key.
    package func idempotent<Response: Codable>(key: String, fingerprint: String, at date: Date,
                                              _ body: () throws -> Response) throws -> Response {
        if let stored = try storedResponse(key: key, fingerprint: fingerprint, as: Response.self) { return stored }
        let response = try body()
        try storeResponse(response, key: key, fingerprint: fingerprint, at: date)
        return response
    }

    /// Forgets keys older than `date` (a retry window of a day is plenty).
    @discardableResult
    package func pruneIdempotencyKeys(before date: Date) throws(StoreError) -> Int {
        try run("prune idempotency keys") {
            try db.execute(sql: "DELETE FROM idempotency WHERE created_at < ?", arguments: [LedgerCoding.millis(date)])
            return db.changesCount
        }
    }
}
