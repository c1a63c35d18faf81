import GRDB

extension LedgerSchema {
    /// Staff accounts, their server-side sessions, one-time sign-in links and failed sign-ins.
    /// Secrets that let someone in (session ids, sign-in links) are stored as SHA-256 digests
    /// only; passwords as bcrypt hashes. Writes to these tables never move the change counter.
    static func staffAccounts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE staff (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL,
                name_key TEXT NOT NULL UNIQUE,
                role TEXT NOT NULL CHECK (role IN ('owner', 'clerk')),
                language TEXT NOT NULL CHECK (language IN ('fr', 'en')),
                password_hash TEXT NOT NULL,
                created_at INTEGER NOT NULL
            );

            CREATE TABLE staff_sessions (
                id_digest TEXT PRIMARY KEY NOT NULL,
                staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
                created_at INTEGER NOT NULL,
                last_seen_at INTEGER NOT NULL,
                csrf_secret TEXT NOT NULL
            );
            CREATE INDEX staff_sessions_staff ON staff_sessions(staff_id);

            CREATE TABLE staff_sign_in_links (
                token_digest TEXT PRIMARY KEY NOT NULL,
                staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL
            );

            -- Failed sign-ins by name, known or not: an unknown name costs the same write as a
            -- known one, so the answer's timing does not tell which names exist.
            CREATE TABLE staff_sign_in_failures (
                name_key TEXT PRIMARY KEY NOT NULL,
                failures INTEGER NOT NULL,
                last_failure_at INTEGER NOT NULL,
                locked_until INTEGER
            );
            """)
    }

    /// Who caused each event (`EventActor`, as `LedgerCoding.actor` writes it); NULL for
    /// events recorded before.
    static func eventActors(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE events ADD COLUMN actor TEXT")
    }
}
