import GRDB

/// Customers' replies to texts (what an SMS gateway forwards, `paypage message receive`), so
/// staff can read a customer's conversation. The text is stored with card-number-like digit
/// runs already masked by the caller; `opt_out` says the reply was STOP/ARRET.
enum InboundSchema {
    static func inboundMessages(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE inbound_messages (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                received_at INTEGER NOT NULL,
                from_phone TEXT NOT NULL,
                body TEXT NOT NULL,
                opt_out INTEGER NOT NULL CHECK (opt_out IN (0, 1))
            );
            CREATE INDEX inbound_messages_phone ON inbound_messages(from_phone, id);
            """)
    }
}
