import Billing

/// What is wrong with a value, a line or a whole export: values, not sentences.
/// `description` is the plain English the CLI, the drop folder's reports and the console show.
package enum ImportProblem: Error, Sendable, Equatable, CustomStringConvertible {
    // Values
    case missing
    case notAnAmount(String, AmountReader.DecimalSeparator)
    case notANumber(String, AmountReader.DecimalSeparator)
    case tooManyDecimals(String, Int)
    case notPositive(String)
    case notADate(String, pattern: String)
    case notALineKind(String, known: [String])
    case notYesOrNo(String)
    case invalid(BillingError)
    case notAnEmail(String)
    /// A discount line (kind discount) with an amount that is not negative.
    case discountNotNegative(String)
    /// A negative amount on a line that is not a discount.
    case negativeNotDiscount(String)
    /// An RO's lines disagree on a value that belongs to the whole RO.
    case disagrees(String, otherLine: Int, otherValue: String)
    // Lines
    case textAfterQuote(column: Int)
    case tooManyFields(count: Int, expected: Int)
    case undecodableByte(UInt8?, column: Int, ImportEncoding)
    case lineOfBrokenRO(roNumber: String, line: Int)
    // The whole file
    case unterminatedQuote(column: Int)
    case missingColumns([String])
    case noRows
    case nulBytes
    /// The record built from the RO is refused by the same checks as hand-written ones.
    case record(path: String, problem: String)
    // The workspace
    /// References are unique in the workspace: this one is another business's.
    case belongsToOtherBusiness(reference: String, business: String, file: String, suggestedPrefix: String)
    /// The RO number with the prefix is not a reference (1–64 of A–Z a–z 0–9 . _ -).
    case notAReference(String)
    /// The record already in the workspace cannot be read: it is left alone.
    case existingRecordUnreadable(file: String)

    package var description: String {
        switch self {
        case .missing: "is missing"
        case let .notAnAmount(text, separator): "\"\(text)\" is not an amount\(Self.separatorHint(text, separator))"
        case let .notANumber(text, separator): "\"\(text)\" is not a number\(Self.separatorHint(text, separator))"
        case let .tooManyDecimals(text, digits): "\"\(text)\" has more than \(digits) decimal\(digits == 1 ? "" : "s")"
        case let .notPositive(text): "\"\(text)\" must be more than zero"
        case let .notADate(text, pattern): "\"\(text)\" is not a date as \(pattern)"
        case let .notALineKind(text, known): "\"\(text)\" is not a line kind (\(known.joined(separator: ", ")))"
        case let .notYesOrNo(text): "\"\(text)\" is not yes or no"
        case .invalid(let error): error.description
        case let .notAnEmail(text): "\"\(text)\" is not an email address"
        case let .discountNotNegative(text): "\"\(text)\" must be negative on a discount line"
        case let .negativeNotDiscount(text): "\"\(text)\" is negative: only a line of kind discount may be"
        case let .disagrees(value, otherLine, otherValue): "\"\(value)\" differs from line \(otherLine) of the same RO (\"\(otherValue)\")"
        case let .textAfterQuote(column): "text after a closing quote at column \(column)"
        case let .tooManyFields(count, expected):
            "has \(count) fields, the header \(expected) (a delimiter inside a field that is not quoted?)"
        case let .undecodableByte(byte?, column, encoding):
            "byte \(Self.hex(byte)) at column \(column) is not a character in \(encoding.displayName)"
        case let .undecodableByte(nil, column, encoding): "column \(column) is not valid \(encoding.displayName)"
        case let .lineOfBrokenRO(roNumber, line): "RO \(roNumber) is not imported (see line \(line))"
        case let .unterminatedQuote(column): "the quote at column \(column) is never closed: the file cannot be split into rows"
        case .missingColumns(let names): "the header has no column \(names.map { "\"\($0)\"" }.joined(separator: ", "))"
        case .noRows: "has no repair-order lines"
        case .nulBytes: "contains NUL bytes: UTF-16 without a byte-order mark? Save it as UTF-8, or as Excel's \"Unicode text\""
        case let .record(path, problem): path.isEmpty ? problem : "\(path): \(problem)"
        case let .belongsToOtherBusiness(reference, business, file, prefix):
            "\(reference) is already a request of \(business) (\(file)); references are unique in the workspace: "
                + "import with a prefix, e.g. --prefix \(prefix)"
        case let .notAReference(text): "\"\(text)\" cannot be a reference (1–64 characters of A–Z a–z 0–9 . _ -)"
        case let .existingRecordUnreadable(file): "\(file) exists but cannot be read: fix it (paypage check) or remove it first"
        }
    }

    package static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" + digits : digits)
    }

    /// "12,50" in a file whose decimal separator is the point: say so.
    private static func separatorHint(_ text: String, _ separator: AmountReader.DecimalSeparator) -> String {
        text.contains(separator.groupMark) ? " (the decimal separator of this file is \"\(separator.rawValue)\")" : ""
    }

    /// Problems that stop the whole file (nothing is imported).
    package var isFileLevel: Bool {
        switch self {
        case .unterminatedQuote, .missingColumns, .noRows, .nulBytes: true
        default: false
        }
    }
}
