import Foundation
import Testing
@testable import Billing

struct DepositRulesTests {
    static let toronto = TimeZone(identifier: "America/Toronto")!

    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    static func money(_ text: String) -> Money { try! Money.parse(text, currency: .cad, sign: .positiveOrZero) }

    /// Local time in Toronto.
    static func at(_ iso: String, _ hour: Int, _ minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = toronto
        let d = day(iso)
        return calendar.date(from: DateComponents(year: d.year, month: d.month, day: d.day, hour: hour, minute: minute))!
    }

    @Test(arguments: [("1970-01-01", 4), ("2026-12-25", 5), ("2000-02-29", 2), ("2024-02-29", 4), ("2026-11-30", 1),
                      ("1900-03-01", 4), ("9999-12-31", 5), ("2026-12-06", 7)])
    func weekdays(iso: String, weekday: Int) {
        #expect(Self.day(iso).weekday == weekday)
    }

    @Test(arguments: [("2026-12-31", 1, "2027-01-01"), ("2024-02-28", 1, "2024-02-29"), ("2023-02-28", 1, "2023-03-01"),
                      ("2026-03-01", -1, "2026-02-28"), ("2026-12-07", 400, "2028-01-11"), ("2026-12-07", -400, "2025-11-02")])
    func addingDays(from: String, days: Int, to: String) {
        #expect(Self.day(from).adding(days: days) == Self.day(to))
        #expect(Self.day(from).days(until: Self.day(to)) == days)
    }

    @Test(arguments: [
        // paid on (local), delay, holidays, settles on
        ("2026-12-07", 2, [String](), "2026-12-09"),                    // Monday → Wednesday
        ("2026-12-10", 2, [], "2026-12-14"),                            // Thursday → Monday (weekend skipped)
        ("2026-12-11", 2, [], "2026-12-15"),                            // Friday → Tuesday
        ("2026-12-12", 2, [], "2026-12-15"),                            // Saturday → Tuesday
        ("2026-12-13", 1, [], "2026-12-14"),                            // Sunday + 1 → Monday
        ("2026-12-23", 2, ["2026-12-25", "2026-12-28"], "2026-12-29"),  // Wednesday, over Christmas and Boxing Day observed
        ("2026-12-07", 0, [], "2026-12-07"),                            // no delay: the same business day
        ("2026-12-12", 0, [], "2026-12-14"),                            // no delay on a Saturday: the Monday
        ("2026-12-24", 0, ["2026-12-24", "2026-12-25"], "2026-12-28"),  // no delay on a holiday: the next business day
    ])
    func paymentSettlesAfterTheDelayInBusinessDays(paid: String, delay: Int, holidays: [String], settles: String) {
        let rules = SettlementRules(policy: DepositPolicy(settlementDelay: delay, holidays: Set(holidays.map(Self.day))),
                                    timeZone: Self.toronto)
        #expect(rules.settlementDay(paidAt: Self.at(paid, 12)) == Self.day(settles))
    }

    @Test func theDayIsTheLocalDateInTheBusinessTimeZone() {
        // 21:30 on Friday in Toronto is already Saturday in UTC: the payment is Friday's.
        let friday = Self.at("2026-12-11", 21, 30)
        let rules = SettlementRules(policy: DepositPolicy(), timeZone: Self.toronto)
        #expect(rules.settlementDay(paidAt: friday) == Self.day("2026-12-15"))
        let utc = SettlementRules(policy: DepositPolicy(), timeZone: TimeZone(identifier: "UTC")!)
        #expect(utc.settlementDay(paidAt: friday) == Self.day("2026-12-15"))
        #expect(utc.refundDay(refundedAt: friday) == Self.day("2026-12-14"))
        #expect(rules.refundDay(refundedAt: friday) == Self.day("2026-12-11"))
    }

    @Test(arguments: [("2026-12-09", "2026-12-09"), ("2026-12-12", "2026-12-14"), ("2026-12-13", "2026-12-14"),
                      ("2026-12-25", "2026-12-29"), ("2026-12-26", "2026-12-29")])
    func refundCountsOnItsDayOrTheNextBusinessDay(refunded: String, counts: String) {
        let rules = SettlementRules(policy: DepositPolicy(holidays: [Self.day("2026-12-25"), Self.day("2026-12-28")]),
                                    timeZone: Self.toronto)
        #expect(rules.refundDay(refundedAt: Self.at(refunded, 10)) == Self.day(counts))
    }

    @Test(arguments: [
        // amount, percent, fixed, percentage part, total (percentage part rounded half-up)
        ("100.00", "2.9", "0.30", "2.90", "3.20"),
        ("10.01", "2.9", "0.30", "0.29", "0.59"),        // 0.29029
        ("1.50", "1", "0.00", "0.02", "0.02"),           // 0.015: the half goes up
        ("0.50", "2.9", "0.30", "0.01", "0.31"),         // 0.0145
        ("1764.55", "2.5", "0.25", "44.11", "44.36"),    // 44.11375
        ("80.00", "2.65", "0.10", "2.12", "2.22"),
        ("125.00", "0", "0.00", "0.00", "0.00"),
        ("999.99", "5.99", "0.00", "59.90", "59.90"),    // 59.899401
    ])
    func feeIsRoundedHalfUpToTheCent(amount: String, percent: String, fixed: String, percentPart: String, total: String) throws {
        let fee = ProcessorFee(percent: try FixedDecimal.parse(percent, maxScale: 4), fixed: Self.money(fixed))
        let charge = try fee.charge(on: Self.money(amount))
        #expect(charge.percentPart == Self.money(percentPart))
        #expect(charge.fixedPart == Self.money(fixed))
        #expect(charge.total == Self.money(total))
    }

    @Test func offlineMethodsHaveNoFeeAndNoSettlement() throws {
        let rules = SettlementRules(policy: DepositPolicy(fees: [.card: ProcessorFee(percent: .init(units: 3, scale: 0), fixed: Self.money("0.30"))]),
                                    timeZone: Self.toronto)
        for kind in PaymentMethod.Kind.allCases {
            let fee = try rules.fee(for: kind, on: Self.money("100.00"))
            #expect((fee == nil) == kind.isOffline, "\(kind)")
        }
        #expect(try rules.fee(for: .applePay, on: Self.money("100.00"))?.total == Self.money("0.00"), "a method without a fee costs nothing")
    }

    @Test func aFeeInAnotherCurrencyIsRefused() {
        let fee = ProcessorFee(percent: .init(units: 3, scale: 0), fixed: Money(minorUnits: 30, currency: .usd))
        #expect(throws: BillingError.currencyMismatch("CAD", "USD")) { try fee.charge(on: Self.money("10.00")) }
    }

    @Test(arguments: [
        // percentage fee, paid, refunds in turn, expected returns
        ("2.90", "100.00", ["100.00"], ["2.90"]),
        ("2.90", "100.00", ["50.00", "50.00"], ["1.45", "1.45"]),
        ("1.00", "3.00", ["1.00", "1.00", "1.00"], ["0.33", "0.34", "0.33"]),   // 0.333 → 0.33, 0.667 → 0.67, 1.00
        ("0.01", "100.00", ["10.00", "90.00"], ["0.00", "0.01"]),
        ("44.11", "1764.55", ["1725.00", "39.55"], ["43.12", "0.99"]),
    ])
    func partialRefundsGiveBackExactlyThePercentageFeeInAll(percentFee: String, paid: String, refunds: [String], returns: [String]) {
        var before = Self.money("0.00")
        var total: Int64 = 0
        for (refund, expected) in zip(refunds, returns) {
            let returned = SettlementRules.feeReturned(percentFee: Self.money(percentFee), paid: Self.money(paid),
                                                       refundedBefore: before, refund: Self.money(refund))
            #expect(returned == Self.money(expected), "refund \(refund) after \(before)")
            total += returned.minorUnits
            before = Money(minorUnits: before.minorUnits + Self.money(refund).minorUnits, currency: .cad)
        }
        if before == Self.money(paid) { #expect(total == Self.money(percentFee).minorUnits) }
    }

    @Test func proportionsOfHugeAmountsDoNotOverflow() {
        let big = Money(minorUnits: 4_000_000_000_000_000_000, currency: .cad)
        let half = Money(minorUnits: 2_000_000_000_000_000_000, currency: .cad)
        let returned = SettlementRules.feeReturned(percentFee: big, paid: big, refundedBefore: .zero(.cad), refund: half)
        #expect(returned == half)
    }

    @Test func settlementsFixTheirFeeAndDayWhenRecorded() throws {
        var policy = DepositPolicy(fees: [.card: ProcessorFee(percent: try .parse("2.9", maxScale: 4), fixed: Self.money("0.30"))],
                                   settlementDelay: 2, refundsReturnPercentFee: true)
        let reference = try Reference("RO-1")
        let snapshot = InvoiceSnapshot(invoice: Invoice(reference: reference, customer: Customer(name: "A", phone: try PhoneNumber("5145550100")),
                                                        content: .quick(Self.money("200.00"))),
                                       totals: InvoiceTotals(lineTotals: [], subtotal: Self.money("200.00"), taxableSubtotal: Self.money("0.00"),
                                                             taxes: [], total: Self.money("200.00")))
        let payment = Payment(amount: Self.money("200.00"), method: PaymentMethod(kind: .card, cardBrand: "Visa", last4: "4242"),
                              authorizationCode: "A1", receiptNumber: 7, snapshot: snapshot)
        let paidAt = Self.at("2026-12-11", 15)
        let rules = SettlementRules(policy: policy, timeZone: Self.toronto)
        let paid = try #require(try rules.settlement(of: payment, entry: LedgerEntry(sequence: 3, reference: reference, at: paidAt, event: .paid(payment)),
                                                     businessKey: "main"))
        #expect(paid.fee == Self.money("6.10"))
        #expect(paid.percentFee == Self.money("5.80"))
        #expect(paid.day == Self.day("2026-12-15"))
        #expect(paid.number == 7)
        // A refund on Saturday counts on Monday; it gives back a quarter of the percentage fee.
        policy.fees = [:]
        let refund = Refund(amount: Self.money("50.00"), reason: nil, number: 2)
        let refunded = try #require(SettlementRules(policy: policy, timeZone: Self.toronto).settlement(
            of: refund, entry: LedgerEntry(sequence: 9, reference: reference, at: Self.at("2026-12-12", 9), event: .refunded(refund)),
            payment: payment, paymentSettlement: paid, refundedBefore: .zero(.cad), businessKey: "main"))
        #expect(refunded.fee == Self.money("1.45"))
        #expect(refunded.day == Self.day("2026-12-14"))
        #expect(refunded.kind == .refund && refunded.amount == Self.money("50.00"))
        // Without the payment's settlement (a payment recorded before fees were stored), nothing comes back.
        let legacy = SettlementRules(policy: policy, timeZone: Self.toronto).settlement(
            of: refund, entry: LedgerEntry(sequence: 9, reference: reference, at: Self.at("2026-12-12", 9), event: .refunded(refund)),
            payment: payment, paymentSettlement: nil, refundedBefore: .zero(.cad), businessKey: "main")
        #expect(legacy?.fee == Self.money("0.00"))
    }
}
