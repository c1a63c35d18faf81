import Foundation
import Billing

/// What `deposits show` accepts: `KEY-N`, `N`, `KEY-YYYY-MM-DD` or `YYYY-MM-DD` (the last two
/// name a day, deposited or not). Business keys may contain hyphens and digits: the split
/// that names a known business wins.
enum DepositName: Equatable {
    case number(business: String?, Int)
    case day(business: String?, CalendarDate)

    static func parse(_ text: String, keys: [String]) throws(DepositError) -> DepositName {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let n = Int(trimmed), n > 0, trimmed.allSatisfy(\.isASCIIDigit) { return .number(business: nil, n) }
        if let day = CalendarDate(iso: trimmed) { return .day(business: nil, day) }
        if trimmed.count > 11 {
            let cut = trimmed.index(trimmed.endIndex, offsetBy: -11)
            if trimmed[cut] == "-", let day = CalendarDate(iso: String(trimmed[trimmed.index(after: cut)...])) {
                let key = String(trimmed[..<cut])
                if keys.contains(key) { return .day(business: key, day) }
            }
        }
        if let dash = trimmed.lastIndex(of: "-") {
            let key = String(trimmed[..<dash])
            let tail = trimmed[trimmed.index(after: dash)...]
            if !key.isEmpty, !tail.isEmpty, tail.allSatisfy(\.isASCIIDigit), let n = Int(tail), n > 0 {
                guard keys.contains(key) else { throw .unknownBusiness(key, known: keys) }
                return .number(business: key, n)
            }
        }
        throw .invalidDepositName(text)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
