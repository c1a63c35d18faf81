import Testing
@testable import Billing

struct MoneyTests {
    @Test(arguments: [
        ("125", 12_500), ("125.00", 12_500), ("125,00", 12_500), ("1 234,56", 123_456), ("1\u{00A0}234,56", 123_456),
        ("1,234.56", 123_456), ("1.234,56", 123_456), ("0.5", 50), ("0,05", 5), (".75", 75), ("  42.10 ", 4_210),
        ("92233720368547758.07", 9_223_372_036_854_775_807),
    ])
    func parsesExactly(text: String, minor: Int64) throws {
        #expect(try Money.parse(text, currency: .cad).minorUnits == minor)
    }

    @Test(arguments: [
        ("12.345", BillingError.tooManyDecimals("12.345", 2)),
        ("0", .notPositive("0")),
        ("-5.00", .notPositive("-5.00")),
        ("92233720368547758.08", .overflow),
        ("99999999999999999999", .overflow),
        ("12a", .invalidNumber("12a", "is not a number")),
        ("", .invalidNumber("", "is empty")),
        ("1.2.3", .invalidNumber("1.2.3", "has more than one decimal separator")),
    ])
    func refusesWithAClearError(text: String, expected: BillingError) {
        #expect(throws: expected) { try Money.parse(text, currency: .cad) }
    }

    @Test func zeroAllowedWhereItMakesSense() throws {
        #expect(try Money.parse("0.00", currency: .cad, sign: .positiveOrZero).isZero)
        #expect(throws: BillingError.negative("-1")) { try Money.parse("-1", currency: .cad, sign: .positiveOrZero) }
    }

    @Test func currencyWithoutMinorUnits() throws {
        #expect(try Money.parse("1500", currency: .jpy).minorUnits == 1_500)
        #expect(throws: BillingError.tooManyDecimals("15.5", 0)) { try Money.parse("15.5", currency: .jpy) }
    }

    @Test func checkedArithmetic() throws {
        let max = Money(minorUnits: .max, currency: .cad)
        #expect(throws: BillingError.overflow) { try max.adding(Money(minorUnits: 1, currency: .cad)) }
        #expect(throws: BillingError.currencyMismatch("CAD", "USD")) { try max.adding(.zero(.usd)) }
    }

    @Test(arguments: [
        (123_456, Language.fr, "1\u{00A0}234,56\u{00A0}$"), (123_456, .en, "$1,234.56"), (5, .fr, "0,05\u{00A0}$"),
        (100_000_000, .en, "$1,000,000.00"), (-2_500, .en, "-$25.00"), (99, .en, "$0.99"),
    ])
    func canadianFormats(minor: Int64, language: Language, expected: String) {
        #expect(MoneyFormat.format(Money(minorUnits: minor, currency: .cad), language) == expected)
    }

    @Test func decimalString() {
        #expect(Money(minorUnits: 5, currency: .cad).decimalString == "0.05")
        #expect(Money(minorUnits: -12_345, currency: .cad).decimalString == "-123.45")
    }
}
