import Foundation
import GRDB

/// The `Records/` signature the ledger was last brought in step with. It lives in the ledger
/// itself, so a restored ledger carries the signature of its own time and is synced again when
/// records changed since.
extension Ledger {
    static let recordsStampCounter = "records_stamp"

    package func recordsStamp() throws(StoreError) -> UInt64? {
        try read("read the records stamp") { db in
            try Int64.fetchOne(db, sql: "SELECT value FROM counters WHERE name = ?", arguments: [Ledger.recordsStampCounter])
        }.map { UInt64(bitPattern: $0) }
    }
}

extension Ledger {
    /// Stored after the sync's own transaction, and without moving the change counter: the
    /// stamp changes no page, so it must not make the next build think the ledger changed.
    /// (Lost in a crash between the two, it only makes the next sync read every record.)
    package func setRecordsStamp(_ stamp: UInt64) throws(StoreError) {
        try storeRun(path, "store the records stamp") {
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value
                    """, arguments: [Ledger.recordsStampCounter, Int64(bitPattern: stamp)])
            }
        }
    }
}

extension Ledger {
    /// File name → signature of every record file synced into this ledger.
    package func recordFileSignatures() throws(StoreError) -> [String: UInt64] {
        let rows = try read("read the record files") { db in try Row.fetchAll(db, sql: "SELECT name, signature FROM record_files") }
        var result: [String: UInt64] = [:]
        for row in rows {
            let name: String = row[0]
            let signature: Int64 = row[1]
            result[name] = UInt64(bitPattern: signature)
        }
        return result
    }

    /// After the sync's transaction and without moving the change counter, like the records
    /// stamp: signatures change no page. (Lost in a crash, those records are only read again.)
    package func setRecordFileSignatures(_ signatures: [String: UInt64], removing removed: [String]) throws(StoreError) {
        guard !signatures.isEmpty || !removed.isEmpty else { return }
        try storeRun(path, "store the record files") {
            try pool.write { db in
                for (name, signature) in signatures {
                    try db.execute(sql: """
                        INSERT INTO record_files (name, signature) VALUES (?, ?)
                        ON CONFLICT(name) DO UPDATE SET signature = excluded.signature
                        """, arguments: [name, Int64(bitPattern: signature)])
                }
                for name in removed { try db.execute(sql: "DELETE FROM record_files WHERE name = ?", arguments: [name]) }
            }
        }
    }
}
