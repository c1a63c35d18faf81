import Foundation

/// How values are written into ledger columns. Fixed once and for all: changing any of it
/// would make existing ledgers unreadable.
enum LedgerCoding {
    /// Milliseconds since 1970, the unit of every `at`/`created_at` column.
    static func millis(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    static func date(_ millis: Int64) -> Date {
        Date(timeIntervalSince1970: Double(millis) / 1000)
    }

    /// The date as the ledger will give it back, so that callers see what was stored.
    static func truncated(_ date: Date) -> Date { self.date(millis(date)) }

    /// Sorted keys: the same value always gives the same bytes (diffable, hashable payloads).
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }
}
