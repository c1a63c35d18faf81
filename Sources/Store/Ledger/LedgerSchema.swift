import GRDB

/// The ledger's schema, as an ordered list of migrations. Never edit a shipped migration:
/// add a new one, so that existing ledgers upgrade in place.
enum LedgerSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: v1)
        migrator.registerMigration("v2-record-files", migrate: v2)
        migrator.registerMigration("staff-accounts", migrate: staffAccounts)
        migrator.registerMigration("event-actors", migrate: eventActors)
        migrator.registerMigration("payment-fees", migrate: SettlementSchema.paymentFees)
        migrator.registerMigration("staff-notifications", migrate: staffNotifications)
        migrator.registerMigration("staff-totp", migrate: staffTOTP)
        migrator.registerMigration("inbound-messages", migrate: InboundSchema.inboundMessages)
        return migrator
    }

    private static func v1(_ db: Database) throws {
        // Times are integer milliseconds since 1970: they sort, compare and survive JSON unchanged.
        try db.execute(sql: """
            CREATE TABLE requests (
                reference TEXT NOT NULL UNIQUE COLLATE NOCASE,
                token TEXT NOT NULL UNIQUE,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                amount_minor INTEGER NOT NULL,
                currency TEXT NOT NULL,
                currency_digits INTEGER NOT NULL,
                customer_name TEXT NOT NULL,
                customer_phone TEXT NOT NULL
            );
            CREATE INDEX requests_phone ON requests(customer_phone);

            CREATE TABLE events (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                reference TEXT NOT NULL COLLATE NOCASE,
                at INTEGER NOT NULL,
                kind TEXT NOT NULL,
                payload TEXT NOT NULL
            );
            CREATE INDEX events_reference ON events(reference, seq);

            CREATE TABLE counters (
                name TEXT PRIMARY KEY NOT NULL,
                value INTEGER NOT NULL
            );

            CREATE TABLE idempotency (
                key TEXT PRIMARY KEY NOT NULL,
                fingerprint TEXT NOT NULL,
                response TEXT NOT NULL,
                created_at INTEGER NOT NULL
            );

            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                created_at INTEGER NOT NULL,
                to_phone TEXT NOT NULL,
                body TEXT NOT NULL,
                kind TEXT NOT NULL,
                reference TEXT COLLATE NOCASE,
                segments INTEGER NOT NULL,
                encoding TEXT NOT NULL CHECK (encoding IN ('gsm7', 'ucs2')),
                status TEXT NOT NULL CHECK (status IN ('queued', 'sent')),
                sent_at INTEGER
            );
            CREATE INDEX outbox_reference ON outbox(reference, id);

            CREATE TABLE opt_outs (
                phone TEXT PRIMARY KEY NOT NULL,
                at INTEGER NOT NULL
            );

            CREATE TABLE notifications (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at INTEGER NOT NULL,
                reference TEXT NOT NULL COLLATE NOCASE,
                text TEXT NOT NULL
            );
            """)
    }

    /// The record files this ledger was last brought in step with, by their file signature
    /// (`RecordsSignature`): a sync reads only the records that changed since. In the ledger,
    /// so a restored ledger knows exactly which records it has seen.
    private static func v2(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE record_files (
                name TEXT PRIMARY KEY NOT NULL,
                signature INTEGER NOT NULL
            );
            """)
    }

    /// The tables a restored file must have (older backups are migrated when opened).
    static let tables = ["requests", "events", "counters", "idempotency", "outbox", "opt_outs", "notifications"]
}
