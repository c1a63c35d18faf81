import GRDB

/// The `settlements` table: what each processor-handled payment and refund brings to deposits
/// (its fee, or fee returned, and the business day it counts), written in the transaction
/// that records the event and never changed afterwards (triggers refuse UPDATE and DELETE).
///
/// Payments recorded before this migration have no row: their fee was never computed, and
/// computing it now from today's schedule would invent history. They stay out of deposits
/// (deposits start with the first payment recorded with its fee); a later refund of such a
/// payment still counts, with no fee returned.
enum SettlementSchema {
    static func paymentFees(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE settlements (
                event_seq INTEGER PRIMARY KEY NOT NULL REFERENCES events(seq),
                business TEXT NOT NULL,
                reference TEXT NOT NULL COLLATE NOCASE,
                kind TEXT NOT NULL CHECK (kind IN ('payment', 'refund')),
                method TEXT NOT NULL,
                number INTEGER NOT NULL,
                amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
                fee_minor INTEGER NOT NULL CHECK (fee_minor >= 0),
                percent_fee_minor INTEGER NOT NULL CHECK (percent_fee_minor >= 0),
                currency TEXT NOT NULL,
                currency_digits INTEGER NOT NULL,
                day TEXT NOT NULL,
                at INTEGER NOT NULL
            );
            CREATE INDEX settlements_business_day ON settlements(business, day, event_seq);
            CREATE INDEX settlements_reference ON settlements(reference, event_seq);
            CREATE TRIGGER settlements_never_updated BEFORE UPDATE ON settlements
                BEGIN SELECT RAISE(ABORT, 'settlements are never changed'); END;
            CREATE TRIGGER settlements_never_deleted BEFORE DELETE ON settlements
                BEGIN SELECT RAISE(ABORT, 'settlements are never deleted'); END;
            """)
    }
}
