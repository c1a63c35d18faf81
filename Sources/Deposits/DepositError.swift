import Billing
import Store

/// Why deposits could not be listed or shown. Only the CLI turns this into `error: …`.
package enum DepositError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownBusiness(String, known: [String])
    /// A deposit named by its number alone while the workspace has several businesses.
    case businessNeeded(number: String, known: [String])
    /// Not `KEY-N`, `N`, `KEY-YYYY-MM-DD` or `YYYY-MM-DD`.
    case invalidDepositName(String)
    case noSuchDeposit(DepositID, count: Int)
    case noSuchDay(business: String, day: CalendarDate)
    case noSuchRequest(Reference)
    /// A business's settlements in more than one currency (its currency was changed).
    case mixedCurrencies(business: String, expected: String, found: String)
    case overflow(business: String)
    case store(StoreError)
    /// A command-line option that is not a date (YYYY-MM-DD).
    case invalidDate(option: String, text: String)
    case emptyRange(from: CalendarDate, to: CalendarDate)
    case invalidSeparator(String)
    case conflictingFormats

    package var description: String {
        switch self {
        case let .unknownBusiness(key, known):
            "no business \"\(key)\" (businesses: \(known.joined(separator: ", ")))"
        case let .businessNeeded(number, known):
            "deposit \"\(number)\": name its business, e.g. \(known.first ?? "main")-\(number) (businesses: \(known.joined(separator: ", ")))"
        case let .invalidDepositName(text):
            "\"\(text)\" is not a deposit: use KEY-N (e.g. main-3), N, or a day as KEY-YYYY-MM-DD"
        case let .noSuchDeposit(id, count):
            count == 0 ? "no deposit \(id): \(id.businessKey) has no deposits yet"
                : "no deposit \(id): \(id.businessKey) has deposits 1 to \(count)"
        case let .noSuchDay(business, day): "\(business) has nothing settling or refunded on \(day.iso)"
        case let .noSuchRequest(reference): "no request with reference \"\(reference)\" (see `paypage request list`)"
        case let .mixedCurrencies(business, expected, found):
            "\(business): settlements in \(found) among \(expected) ones: deposits are made in one currency"
        case let .overflow(business): "\(business): the deposits are too large to add up"
        case let .store(error): error.description
        case let .invalidDate(option, text): "\(option): \"\(text)\" is not a date (YYYY-MM-DD)"
        case let .emptyRange(from, to): "--from \(from.iso) is after --to \(to.iso)"
        case let .invalidSeparator(text): "--csv-separator: \"\(text)\" is not , or ;"
        case .conflictingFormats: "--csv and --json cannot be used together"
        }
    }
}
