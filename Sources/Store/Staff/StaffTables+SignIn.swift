import Foundation
import GRDB

/// One-time sign-in links and failed sign-ins.
extension StaffTables {
    public func insertSignInLink(_ link: SignInLinkRow) throws(StoreError) {
        try run("store a sign-in link") {
            try db.execute(sql: "INSERT INTO staff_sign_in_links (token_digest, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                           arguments: [link.tokenDigest, link.staffID, LedgerCoding.millis(link.createdAt), LedgerCoding.millis(link.expiresAt)])
        }
    }

    /// Removes the link and returns it: a link is taken at most once, whatever happens next.
    public func takeSignInLink(tokenDigest: String) throws(StoreError) -> SignInLinkRow? {
        let row = try run("use a sign-in link") {
            try Row.fetchOne(db, sql: "DELETE FROM staff_sign_in_links WHERE token_digest = ? RETURNING staff_id, created_at, expires_at",
                             arguments: [tokenDigest])
        }
        guard let row else { return nil }
        return try run("use a sign-in link") {
            SignInLinkRow(tokenDigest: tokenDigest, staffID: try row.decode(forColumn: "staff_id"),
                          createdAt: LedgerCoding.date(try row.decode(forColumn: "created_at")),
                          expiresAt: LedgerCoding.date(try row.decode(forColumn: "expires_at")))
        }
    }

    public func deleteSignInLinks(expiredBy date: Date) throws(StoreError) {
        try run("forget expired sign-in links") {
            try db.execute(sql: "DELETE FROM staff_sign_in_links WHERE expires_at <= ?", arguments: [LedgerCoding.millis(date)])
        }
    }

    public func signInFailure(nameKey: String) throws(StoreError) -> SignInFailureRow? {
        let row = try run("read failed sign-ins") {
            try Row.fetchOne(db, sql: "SELECT failures, last_failure_at, locked_until FROM staff_sign_in_failures WHERE name_key = ?",
                             arguments: [nameKey])
        }
        guard let row else { return nil }
        return try run("read failed sign-ins") {
            let locked: Int64? = try row.decode(forColumn: "locked_until")
            return SignInFailureRow(nameKey: nameKey, failures: try row.decode(forColumn: "failures"),
                                    lastFailureAt: LedgerCoding.date(try row.decode(forColumn: "last_failure_at")),
                                    lockedUntil: locked.map(LedgerCoding.date))
        }
    }

    public func setSignInFailure(_ failure: SignInFailureRow) throws(StoreError) {
        try run("record a failed sign-in") {
            try db.execute(sql: """
                INSERT INTO staff_sign_in_failures (name_key, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)
                ON CONFLICT(name_key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at,
                    locked_until = excluded.locked_until
                """, arguments: [failure.nameKey, failure.failures, LedgerCoding.millis(failure.lastFailureAt),
                                 failure.lockedUntil.map(LedgerCoding.millis)])
        }
    }

    public func clearSignInFailures(nameKey: String) throws(StoreError) {
        try run("clear failed sign-ins") {
            try db.execute(sql: "DELETE FROM staff_sign_in_failures WHERE name_key = ?", arguments: [nameKey])
        }
    }

    /// Forgets failures older than `date` whose lock (if any) has ended by then.
    public func deleteSignInFailures(before date: Date) throws(StoreError) {
        let millis = LedgerCoding.millis(date)
        try run("forget old failed sign-ins") {
            try db.execute(sql: """
                DELETE FROM staff_sign_in_failures WHERE last_failure_at < ? AND (locked_until IS NULL OR locked_until <= ?)
                """, arguments: [millis, millis])
        }
    }
}
