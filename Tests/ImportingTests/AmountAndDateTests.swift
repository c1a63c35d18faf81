import Billing
import Testing
@testable import Importing

struct AmountAndDateTests {
    static let point = AmountReader(separator: .point)
    static let comma = AmountReader(separator: .comma)

    @Test(arguments: [
        ("119.00", AmountReader.DecimalSeparator.point, Int64(11_900)),
        ("1,234.50", .point, 123_450), ("1 234.50", .point, 123_450), ("1,250", .point, 125_000),
        ("1 234,50", .comma, 123_450), ("1\u{00A0}234,50", .comma, 123_450), ("1\u{202F}234,50", .comma, 123_450),
        ("1.234,50", .comma, 123_450), ("1,250", .comma, 125), ("-25.00", .point, -2_500), ("-9,35", .comma, -935),
        ("$12.50", .point, 1_250), ("12,50 $", .comma, 1_250), (" 7 ", .point, 700), (".5", .point, 50),
        ("12 345 678,9", .comma, 1_234_567_890),
    ])
    func amounts(text: String, separator: AmountReader.DecimalSeparator, minorUnits: Int64) throws {
        let money = try AmountReader(separator: separator).money(text, currency: .cad).get()
        #expect(money.minorUnits == minorUnits)
    }

    @Test(arguments: [
        ("12,3x", AmountReader.DecimalSeparator.point, ImportProblem.notAnAmount("12,3x", .point)),
        ("12,30", .point, .notAnAmount("12,30", .point)),
        ("1,25", .point, .notAnAmount("1,25", .point)),
        ("1 23,50", .comma, .notAnAmount("1 23,50", .comma)),
        ("12.50", .comma, .notAnAmount("12.50", .comma)),
        ("1.2.3", .point, .notAnAmount("1.2.3", .point)),
        ("12.345", .point, .tooManyDecimals("12.345", 2)),
        ("abc", .point, .notAnAmount("abc", .point)),
        ("-", .point, .notAnAmount("-", .point)),
        ("12-", .point, .notAnAmount("12-", .point)),
        ("99999999999999999999", .point, .notAnAmount("99999999999999999999", .point)),
    ])
    func notAmounts(text: String, separator: AmountReader.DecimalSeparator, problem: ImportProblem) {
        #expect(AmountReader(separator: separator).money(text, currency: .cad) == .failure(problem))
    }

    @Test func theMessageNamesTheSeparator() {
        #expect(ImportProblem.notAnAmount("12,3x", .point).description == "\"12,3x\" is not an amount (the decimal separator of this file is \".\")")
        #expect(ImportProblem.notAnAmount("abc", .point).description == "\"abc\" is not an amount")
    }

    @Test(arguments: [
        ("1,5", AmountReader.DecimalSeparator.comma, "1.5"), ("0.75", .point, "0.75"), ("2", .point, "2"), ("0,125", .comma, "0.125"),
    ])
    func quantities(text: String, separator: AmountReader.DecimalSeparator, expected: String) throws {
        #expect(try AmountReader(separator: separator).quantity(text).get().description == expected)
    }

    @Test(arguments: [("0", ImportProblem.notPositive("0")), ("-1", .notPositive("-1")), ("1.2345", .tooManyDecimals("1.2345", 3)),
                      ("2 h", .notANumber("2 h", .point)), ("$2", .notANumber("$2", .point))])
    func notQuantities(text: String, problem: ImportProblem) {
        #expect(Self.point.quantity(text) == .failure(problem))
    }

    @Test(arguments: [
        ("YYYY-MM-DD", "2026-12-01", "2026-12-01"), ("DD/MM/YYYY", "03/12/2026", "2026-12-03"), ("M/D/YYYY", "3/7/2026", "2026-03-07"),
        ("M/D/YYYY", "12/31/2026", "2026-12-31"), ("YYYYMMDD", "20261201", "2026-12-01"), ("DD.MM.YYYY", " 01.02.2027 ", "2027-02-01"),
        ("D MM YYYY", "29 02 2028", "2028-02-29"),
    ])
    func dates(pattern: String, text: String, iso: String) throws {
        #expect(try #require(DatePattern(validated: pattern)).parse(text)?.iso == iso)
    }

    @Test(arguments: [
        ("YYYY-MM-DD", "2026-13-01"), ("YYYY-MM-DD", "2026-02-30"), ("YYYY-MM-DD", "2026-1-01"), ("DD/MM/YYYY", "2026-12-01"),
        ("DD/MM/YYYY", "03/12/2026 08:00"), ("M/D/YYYY", "3/7/26"), ("YYYY-MM-DD", ""),
    ])
    func notDates(pattern: String, text: String) throws {
        #expect(try #require(DatePattern(validated: pattern)).parse(text) == nil)
    }

    @Test(arguments: ["YYYY-MM", "DD/MM/YY", "YYYY-MM-DD-DD", "YYYY-MM-DDx", ""])
    func badPatterns(pattern: String) {
        #expect(DatePattern(validated: pattern) == nil)
    }
}
