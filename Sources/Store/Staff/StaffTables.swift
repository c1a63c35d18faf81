import Billing
import Foundation
import GRDB

/// The staff tables inside one `Ledger.staffWrite` (or `staffRead`): accounts, sessions,
/// one-time sign-in links and failed sign-ins. Only storage: the rules (lockouts, expiry, the
/// last owner) belong to the caller.
public struct StaffTables {
    let db: Database
    let path: String

    func run<T>(_ operation: String, _ body: () throws -> T) throws(StoreError) -> T {
        try storeRun(path, operation, body)
    }

    // MARK: Accounts

    /// Every account, oldest first.
    public func accounts() throws(StoreError) -> [StaffAccountRow] {
        let rows = try run("list staff") {
            try Row.fetchAll(db, sql: "SELECT \(StaffAccountRow.columns) FROM staff ORDER BY created_at, id")
        }
        var result: [StaffAccountRow] = []
        for row in rows { result.append(try StaffAccountRow(row: row, path: path)) }
        return result
    }

    public func account(nameKey: String) throws(StoreError) -> StaffAccountRow? {
        try run("read a staff account") {
            try Row.fetchOne(db, sql: "SELECT \(StaffAccountRow.columns) FROM staff WHERE name_key = ?", arguments: [nameKey])
        }.map { row throws(StoreError) in try StaffAccountRow(row: row, path: path) }
    }

    public func account(id: Int64) throws(StoreError) -> StaffAccountRow? {
        try run("read a staff account") {
            try Row.fetchOne(db, sql: "SELECT \(StaffAccountRow.columns) FROM staff WHERE id = ?", arguments: [id])
        }.map { row throws(StoreError) in try StaffAccountRow(row: row, path: path) }
    }

    /// Inserts an account and returns it with its id. The caller checks the name is free.
    public func insertAccount(name: String, nameKey: String, role: StaffRole, language: Language, passwordHash: String,
                              at date: Date) throws(StoreError) -> StaffAccountRow {
        let id = try run("add a staff account") {
            try db.execute(sql: """
                INSERT INTO staff (name, name_key, role, language, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [name, nameKey, role.rawValue, language.rawValue, passwordHash, LedgerCoding.millis(date)])
            return db.lastInsertedRowID
        }
        return StaffAccountRow(id: id, name: name, nameKey: nameKey, role: role, language: language, passwordHash: passwordHash,
                               createdAt: LedgerCoding.truncated(date))
    }

    public func setPasswordHash(_ hash: String, id: Int64) throws(StoreError) {
        try run("change a password") { try db.execute(sql: "UPDATE staff SET password_hash = ? WHERE id = ?", arguments: [hash, id]) }
    }

    public func setLanguage(_ language: Language, id: Int64) throws(StoreError) {
        try run("change a language") { try db.execute(sql: "UPDATE staff SET language = ? WHERE id = ?", arguments: [language.rawValue, id]) }
    }

    /// Removes the account with its sessions and sign-in links.
    public func deleteAccount(id: Int64) throws(StoreError) {
        try run("remove a staff account") {
            try db.execute(sql: """
                DELETE FROM staff_sessions WHERE staff_id = ?;
                DELETE FROM staff_sign_in_links WHERE staff_id = ?;
                DELETE FROM staff WHERE id = ?;
                """, arguments: [id, id, id])
        }
    }

    // MARK: Sessions

    public func insertSession(_ session: StaffSessionRow) throws(StoreError) {
        try run("start a session") {
            try db.execute(sql: """
                INSERT INTO staff_sessions (id_digest, staff_id, created_at, last_seen_at, csrf_secret) VALUES (?, ?, ?, ?, ?)
                """, arguments: [session.idDigest, session.staffID, LedgerCoding.millis(session.createdAt),
                                 LedgerCoding.millis(session.lastSeenAt), session.csrfSecret])
        }
    }

    public func session(idDigest: String) throws(StoreError) -> StaffSessionRow? {
        let row = try run("read a session") {
            try Row.fetchOne(db, sql: "SELECT staff_id, created_at, last_seen_at, csrf_secret FROM staff_sessions WHERE id_digest = ?",
                             arguments: [idDigest])
        }
        guard let row else { return nil }
        return try run("read a session") {
            StaffSessionRow(idDigest: idDigest, staffID: try row.decode(forColumn: "staff_id"),
                            createdAt: LedgerCoding.date(try row.decode(forColumn: "created_at")),
                            lastSeenAt: LedgerCoding.date(try row.decode(forColumn: "last_seen_at")),
                            csrfSecret: try row.decode(forColumn: "csrf_secret"))
        }
    }

    public func touchSession(idDigest: String, at date: Date) throws(StoreError) {
        try run("note a session's use") {
            try db.execute(sql: "UPDATE staff_sessions SET last_seen_at = ? WHERE id_digest = ?",
                           arguments: [LedgerCoding.millis(date), idDigest])
        }
    }

    public func deleteSession(idDigest: String) throws(StoreError) {
        try run("end a session") { try db.execute(sql: "DELETE FROM staff_sessions WHERE id_digest = ?", arguments: [idDigest]) }
    }

    /// Ends every session of one account; returns how many there were.
    @discardableResult
    public func deleteSessions(staffID: Int64) throws(StoreError) -> Int {
        try run("end sessions") {
            try db.execute(sql: "DELETE FROM staff_sessions WHERE staff_id = ?", arguments: [staffID])
            return db.changesCount
        }
    }

    /// Forgets sessions begun before `createdBefore` or unused since `seenBefore`.
    public func deleteSessions(createdBefore: Date, seenBefore: Date) throws(StoreError) {
        try run("forget expired sessions") {
            try db.execute(sql: "DELETE FROM staff_sessions WHERE created_at < ? OR last_seen_at < ?",
                           arguments: [LedgerCoding.millis(createdBefore), LedgerCoding.millis(seenBefore)])
        }
    }

    public func sessionCount(staffID: Int64) throws(StoreError) -> Int {
        try run("count sessions") {
            try Int.fetchOne(db, sql: "SELECT count(*) FROM staff_sessions WHERE staff_id = ?", arguments: [staffID]) ?? 0
        }
    }
}
