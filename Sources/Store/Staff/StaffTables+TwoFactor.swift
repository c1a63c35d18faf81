import Foundation
import GRDB

/// TOTP secrets and pending (half) sign-ins.
extension StaffTables {
    package func totp(staffID: Int64) throws(StoreError) -> StaffTOTPRow? {
        let row = try run("read a second factor") {
            try Row.fetchOne(db, sql: "SELECT secret, created_at, confirmed_at, last_step FROM staff_totp WHERE staff_id = ?",
                             arguments: [staffID])
        }
        guard let row else { return nil }
        return try run("read a second factor") {
            let secret: Data = try row.decode(forColumn: "secret")
            let confirmed: Int64? = try row.decode(forColumn: "confirmed_at")
            return StaffTOTPRow(staffID: staffID, secret: [UInt8](secret), createdAt: LedgerCoding.date(try row.decode(forColumn: "created_at")),
                                confirmedAt: confirmed.map(LedgerCoding.date), lastStep: try row.decode(forColumn: "last_step"))
        }
    }

    /// Stores (or replaces) a person's TOTP row.
    package func setTOTP(_ totp: StaffTOTPRow) throws(StoreError) {
        try run("store a second factor") {
            try db.execute(sql: """
                INSERT INTO staff_totp (staff_id, secret, created_at, confirmed_at, last_step) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(staff_id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at,
                    confirmed_at = excluded.confirmed_at, last_step = excluded.last_step
                """, arguments: [totp.staffID, Data(totp.secret), LedgerCoding.millis(totp.createdAt),
                                 totp.confirmedAt.map(LedgerCoding.millis), totp.lastStep])
        }
    }

    /// Removes a person's second factor; whether there was one.
    @discardableResult
    package func deleteTOTP(staffID: Int64) throws(StoreError) -> Bool {
        try run("remove a second factor") {
            try db.execute(sql: "DELETE FROM staff_totp WHERE staff_id = ?", arguments: [staffID])
            return db.changesCount > 0
        }
    }

    /// The ids of the accounts whose second factor is confirmed.
    package func confirmedTOTPStaffIDs() throws(StoreError) -> Set<Int64> {
        try run("list second factors") {
            Set(try Int64.fetchAll(db, sql: "SELECT staff_id FROM staff_totp WHERE confirmed_at IS NOT NULL"))
        }
    }

    package func insertPendingSignIn(_ pending: PendingSignInRow) throws(StoreError) {
        try run("start a pending sign-in") {
            try db.execute(sql: """
                INSERT INTO staff_pending_sign_ins (id_digest, staff_id, created_at, expires_at, csrf_secret) VALUES (?, ?, ?, ?, ?)
                """, arguments: [pending.idDigest, pending.staffID, LedgerCoding.millis(pending.createdAt),
                                 LedgerCoding.millis(pending.expiresAt), pending.csrfSecret])
        }
    }

    package func pendingSignIn(idDigest: String) throws(StoreError) -> PendingSignInRow? {
        let row = try run("read a pending sign-in") {
            try Row.fetchOne(db, sql: "SELECT staff_id, created_at, expires_at, csrf_secret FROM staff_pending_sign_ins WHERE id_digest = ?",
                             arguments: [idDigest])
        }
        guard let row else { return nil }
        return try run("read a pending sign-in") {
            PendingSignInRow(idDigest: idDigest, staffID: try row.decode(forColumn: "staff_id"),
                             createdAt: LedgerCoding.date(try row.decode(forColumn: "created_at")),
                             expiresAt: LedgerCoding.date(try row.decode(forColumn: "expires_at")),
                             csrfSecret: try row.decode(forColumn: "csrf_secret"))
        }
    }

    package func deletePendingSignIn(idDigest: String) throws(StoreError) {
        try run("end a pending sign-in") {
            try db.execute(sql: "DELETE FROM staff_pending_sign_ins WHERE id_digest = ?", arguments: [idDigest])
        }
    }

    package func deletePendingSignIns(staffID: Int64) throws(StoreError) {
        try run("end pending sign-ins") {
            try db.execute(sql: "DELETE FROM staff_pending_sign_ins WHERE staff_id = ?", arguments: [staffID])
        }
    }

    package func deletePendingSignIns(expiredBy date: Date) throws(StoreError) {
        try run("forget expired pending sign-ins") {
            try db.execute(sql: "DELETE FROM staff_pending_sign_ins WHERE expires_at <= ?", arguments: [LedgerCoding.millis(date)])
        }
    }

    /// Ends every session of one account but one (kept by the digest of its id).
    @discardableResult
    package func deleteSessions(staffID: Int64, except idDigest: String) throws(StoreError) -> Int {
        try run("end sessions") {
            try db.execute(sql: "DELETE FROM staff_sessions WHERE staff_id = ? AND id_digest != ?", arguments: [staffID, idDigest])
            return db.changesCount
        }
    }
}
