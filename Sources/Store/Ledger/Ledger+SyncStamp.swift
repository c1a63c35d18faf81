import Foundation
import GRDB

/// The `Records/` signature the ledger was last brought in step with. It lives in the ledger
/// itself, so a restored ledger carries the signature of its own time and is synced again when
/// records changed since.
extension Ledger {
    static let recordsStampCounter = "records_stamp"

    public func recordsStamp() throws(StoreError) -> UInt64? {
        try read("read the records stamp") { db in
            try Int64.fetchOne(db, sql: "SELECT value FROM counters WHERE name = ?", arguments: [Ledger.recordsStampCounter])
        }.map { UInt64(bitPattern: $0) }
    }
}

extension Ledger {
    /// Stored after the sync's own transaction, and without moving the change counter: the
    /// stamp changes no page, so it must not make the next build think the ledger changed.
    /// (Lost in a crash between the two, it only makes the next sync read every record.)
    public func setRecordsStamp(_ stamp: UInt64) throws(StoreError) {
        try storeRun(path, "store the records stamp") {
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value
                    """, arguments: [Ledger.recordsStampCounter, Int64(bitPattern: stamp)])
            }
        }
    }
}
