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

extension LedgerTransaction {
    public func setRecordsStamp(_ stamp: UInt64) throws(StoreError) {
        try run("store the records stamp") {
            try db.execute(sql: """
                INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value
                """, arguments: [Ledger.recordsStampCounter, Int64(bitPattern: stamp)])
        }
    }
}
