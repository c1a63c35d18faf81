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
        do {
            let payload = try row.decode(String.self, forColumn: "payload")
            return LedgerEntry(sequence: try row.decode(forColumn: "seq"),
                               reference: try Reference(try row.decode(String.self, forColumn: "reference")),
                               at: LedgerCoding.date(try row.decode(forColumn: "at")),
                               event: try decoder.decode(RequestEvent.self, from: Data(payload.utf8)),
                               actor: LedgerCoding.actor(row["actor"] as String?))
        } catch {
            let seq = (try? row.decode(Int64.self, forColumn: "seq")).map(String.init) ?? "?"
            throw .corruptData(path: path, what: "ledger event \(seq)", reason: "\(error)")
        }
    }
}
