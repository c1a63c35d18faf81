import GRDB

extension LedgerSchema {
    /// Which payment notifications each staff member has read: everything up to `read_through`
    /// (a notification id). One row per person, gone with the account.
    static func staffNotifications(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE staff_notification_reads (
                staff_id INTEGER PRIMARY KEY NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
                read_through INTEGER NOT NULL
            );
            """)
    }

    /// Two-factor sign-in: each person's TOTP secret (raw bytes), when its first code confirmed it,
    /// and the last time step used (a code is accepted once). Pending sign-ins are the half
    /// sessions between the password and the code, stored like sessions (digest of the id only).
    static func staffTOTP(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE staff_totp (
                staff_id INTEGER PRIMARY KEY NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
                secret BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                confirmed_at INTEGER,
                last_step INTEGER
            );

            CREATE TABLE staff_pending_sign_ins (
                id_digest TEXT PRIMARY KEY NOT NULL,
                staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                csrf_secret TEXT NOT NULL
            );
            CREATE INDEX staff_pending_sign_ins_staff ON staff_pending_sign_ins(staff_id);
            """)
    }
}
