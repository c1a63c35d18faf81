import Billing
import Foundation
import GRDB

/// Turns `events` rows (seq, reference, at, payload) back into ledger entries.
struct LedgerEntryDecoder {
    let path: String
    private let decoder = LedgerCoding.decoder()

    init(path: String) { self.path = path }

    func entries(_ rows: [Row]) throws(StoreError) -> [LedgerEntry] {
        var entries: [LedgerEntry] = []
        entries.reserveCapacity(rows.count)
        for row in rows { entries.append(try entry(row)) }
        return entries
    }

    func entry(_ row: Row) throws(StoreError) -> LedgerEntry {
        let seq: Int64 = row["seq"]
        do {
            let payload: String = row["payload"]
            return LedgerEntry(sequence: seq, reference: try Reference(row["reference"] as String),
                               at: LedgerCoding.date(row["at"]),
                               event: try decoder.decode(RequestEvent.self, from: Data(payload.utf8)))
        } catch {
            throw .corruptData(path: path, what: "ledger event \(seq)", reason: "\(error)")
        }
    }
}
