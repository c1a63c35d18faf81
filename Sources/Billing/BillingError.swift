/// Everything the billing rules can refuse, with the values that explain it.
/// `description` is the English wording the CLI and the JSON API show.
package enum BillingError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidNumber(String, String)
    case tooManyDecimals(String, Int)
    case notPositive(String)
    case negative(String)
    case overflow
    case currencyMismatch(String, String)
    case invalidReference(String)
    case invalidPhone(String)
    case invalidLanguage(String)
    case amountMismatch(stated: Money, lines: Money)
    case missingAmount
    case emptyInvoice
    case discountExceedsLine(line: Int)
    /// A line of kind discount whose total is not negative (0-based line).
    case discountLineNotNegative(line: Int)
    /// Discount lines larger than the lines they discount (or than the taxable ones).
    case discountsExceedInvoice
    /// An action the request's state does not allow.
    case notAllowed(RequestAction, Refusal)

    package var description: String {
        switch self {
        case let .invalidNumber(text, problem): "\"\(text)\" \(problem)"
        case let .tooManyDecimals(text, digits): "\"\(text)\" has more than \(digits) decimal\(digits == 1 ? "" : "s")"
        case let .notPositive(text): "must be greater than zero (got \"\(text)\")"
        case let .negative(text): "must not be negative (got \"\(text)\")"
        case .overflow: "is too large"
        case let .currencyMismatch(a, b): "mixes currencies \(a) and \(b)"
        case let .invalidReference(ref): "\"\(ref)\" is not a valid reference (1–64 characters of A–Z a–z 0–9 . _ -)"
        case let .invalidPhone(phone): "\"\(phone)\" is not a valid phone number"
        case let .invalidLanguage(lang): "\"\(lang)\" is not a supported language (fr or en)"
        case let .amountMismatch(stated, lines): "amount \(stated.decimalString) does not match the lines' total \(lines.decimalString)"
        case .missingAmount: "an amount or invoice lines are required"
        case .emptyInvoice: "an invoice needs at least one line"
        case let .discountExceedsLine(line): "the discount of line \(line + 1) is larger than the line"
        case let .discountLineNotNegative(line): "line \(line + 1) is a discount: its amount must be negative"
        case .discountsExceedInvoice: "the discount lines are larger than the lines they discount"
        case let .notAllowed(action, refusal): "cannot \(action.englishVerb): \(refusal.englishReason(action))"
        }
    }
}
