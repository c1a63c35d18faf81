import Billing
import Foundation
import GRDB

/// Settlements: written with their payment or refund event, read by deposits.
extension LedgerTransaction {
    /// Stores what a payment or refund event brings to deposits, in this transaction.
    /// Its event must exist; a second settlement for the same event is refused.
    package func record(_ settlement: Settlement) throws(StoreError) {
        try run("record the settlement of event \(settlement.sequence)") {
            try db.execute(sql: """
                INSERT INTO settlements (\(SettlementRow.columns))
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: SettlementRow.arguments(settlement))
        }
    }

    /// A request's settlements, oldest first.
    package func settlements(for reference: Reference) throws(StoreError) -> [Settlement] {
        let rows = try run("read the settlements of \(reference)") {
            try Row.fetchAll(db, sql: "SELECT \(SettlementRow.columns) FROM settlements WHERE reference = ? ORDER BY event_seq",
                             arguments: [reference.value])
        }
        return try SettlementRow.decode(rows, path: path)
    }
}

extension Ledger {
    /// A request's settlements, oldest first.
    package func settlements(for reference: Reference) throws(StoreError) -> [Settlement] {
        try withReader("read the settlements of \(reference)") { tx throws(StoreError) in try tx.settlements(for: reference) }
    }

    /// Every settlement of one business (by its key in Records/), by day then event.
    package func settlements(business: String) throws(StoreError) -> [Settlement] {
        let rows = try read("read the settlements of \(business)") { db in
            try Row.fetchAll(db, sql: "SELECT \(SettlementRow.columns) FROM settlements WHERE business = ? ORDER BY day, event_seq",
                             arguments: [business])
        }
        return try SettlementRow.decode(rows, path: path)
    }
}

/// How a `Settlement` is laid out in the `settlements` table.
enum SettlementRow {
    static let columns = """
        event_seq, business, reference, kind, method, number, amount_minor, fee_minor, percent_fee_minor, \
        currency, currency_digits, day, at
        """

    static func arguments(_ s: Settlement) -> StatementArguments {
        [s.sequence, s.businessKey, s.reference.value, s.kind.rawValue, s.method.rawValue, s.number, s.amount.minorUnits,
         s.fee.minorUnits, s.percentFee.minorUnits, s.amount.currency.code, s.amount.currency.minorDigits, s.day.iso,
         LedgerCoding.millis(s.at)]
    }

    static func decode(_ rows: [Row], path: String) throws(StoreError) -> [Settlement] {
        var result: [Settlement] = []
        result.reserveCapacity(rows.count)
        for row in rows { result.append(try decode(row, path: path)) }
        return result
    }

    /// Throwing decoders, not subscripts: a hand-edited file must give an error, not a trap.
    static func decode(_ row: Row, path: String) throws(StoreError) -> Settlement {
        do {
            let currency = Currency(code: try row.decode(forColumn: "currency"), minorDigits: try row.decode(forColumn: "currency_digits"))
            func money(_ column: String) throws -> Money { Money(minorUnits: try row.decode(forColumn: column), currency: currency) }
            let kindText = try row.decode(String.self, forColumn: "kind")
            let methodText = try row.decode(String.self, forColumn: "method")
            let dayText = try row.decode(String.self, forColumn: "day")
            guard let kind = Settlement.Kind(rawValue: kindText), let method = PaymentMethod.Kind(rawValue: methodText),
                  let day = CalendarDate(iso: dayText) else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "kind \(kindText), method \(methodText), day \(dayText)"))
            }
            return Settlement(sequence: try row.decode(forColumn: "event_seq"), businessKey: try row.decode(forColumn: "business"),
                              reference: try Reference(try row.decode(String.self, forColumn: "reference")), kind: kind,
                              method: method, number: try row.decode(forColumn: "number"), amount: try money("amount_minor"),
                              fee: try money("fee_minor"), percentFee: try money("percent_fee_minor"), day: day,
                              at: LedgerCoding.date(try row.decode(forColumn: "at")))
        } catch {
            let seq = (try? row.decode(Int64.self, forColumn: "event_seq")).map(String.init) ?? "?"
            throw .corruptData(path: path, what: "settlement of event \(seq)", reason: "\(error)")
        }
    }
}
