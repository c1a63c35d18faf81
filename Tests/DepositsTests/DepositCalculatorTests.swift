import Billing
import Deposits
import Testing

struct DepositCalculatorTests {
    typealias F = SettlementFactory

    func calculator(today: String = "2026-12-31") -> DepositCalculator {
        DepositCalculator(businessKey: "main", currency: .cad, today: F.day(today))
    }

    @Test func aDayIsPaymentsLessRefundsLessFeesPlusFeesReturned() throws {
        var f = F()
        let days = try calculator().days([
            f.payment("A", 10_000, fee: 320, on: "2026-12-09"),
            f.payment("B", 5_000, fee: 175, on: "2026-12-09"),
            f.refund("C", 2_000, feeReturned: 58, on: "2026-12-09"),
        ])
        #expect(days.count == 1)
        let day = try #require(days.first)
        #expect(day.gross == F.cad(15_000) && day.refunds == F.cad(2_000) && day.fees == F.cad(495) && day.feesReturned == F.cad(58))
        #expect(day.deposit == F.cad(15_000 - 2_000 - 495 + 58))
        #expect(day.status == .deposited && day.id == DepositID(businessKey: "main", number: 1))
        #expect(day.shortfallCarried.isZero && day.shortfallTaken.isZero)
        #expect(day.lines.map(\.kind) == [.payment, .fee, .payment, .fee, .refund, .feeReturned])
        #expect(day.lines.reduce(0) { $0 + $1.amount.minorUnits } == day.deposit.minorUnits)
        #expect(day.lines.allSatisfy { $0.reference != nil })
    }

    @Test func refundsAboveThePaymentsMakeNoDepositAndTheShortfallCarriesUntilTaken() throws {
        var f = F()
        let days = try calculator().days([
            f.payment("A", 10_000, fee: 300, on: "2026-12-07"),
            f.refund("B", 12_000, on: "2026-12-08"),
            f.payment("C", 1_000, fee: 50, on: "2026-12-09"),    // not enough: the shortfall grows smaller but stays
            f.payment("D", 20_000, fee: 600, on: "2026-12-10"),
        ])
        #expect(days.map(\.status) == [.deposited, .noDeposit, .noDeposit, .deposited])
        #expect(days.map { $0.deposit.minorUnits } == [9_700, 0, 0, 20_000 - 600 - 11_050])
        #expect(days.map { $0.shortfallCarried.minorUnits } == [0, 12_000, 11_050, 0])
        #expect(days.map { $0.shortfallTaken.minorUnits } == [0, 0, 12_000, 11_050])
        #expect(days.map(\.number) == [1, nil, nil, 2])
        let last = days[3]
        #expect(last.lines.first == DepositLine(kind: .shortfallTaken, amount: F.cad(-11_050), since: F.day("2026-12-08")))
        for day in days {
            #expect(day.lines.reduce(0) { $0 + $1.amount.minorUnits } == day.deposit.minorUnits - day.shortfallCarried.minorUnits)
        }
    }

    @Test func aNetOfExactlyZeroIsNoDeposit() throws {
        var f = F()
        let days = try calculator().days([f.payment("A", 1_000, fee: 30, on: "2026-12-07"), f.refund("B", 970, on: "2026-12-07")])
        #expect(days.map(\.status) == [.noDeposit])
        #expect(days[0].deposit.isZero && days[0].shortfallCarried.isZero)
    }

    @Test func todayAndLaterAreExpectedWithoutNumbers() throws {
        var f = F()
        let days = try calculator(today: "2026-12-09").days([
            f.payment("A", 1_000, on: "2026-12-08"),
            f.payment("B", 2_000, on: "2026-12-09"),
            f.refund("C", 5_000, on: "2026-12-10"),
            f.payment("D", 2_000, on: "2026-12-11"),
        ])
        #expect(days.map(\.status) == [.deposited, .expected, .expected, .expected])
        #expect(days.map(\.number) == [1, nil, nil, nil])
        #expect(days.map { $0.shortfallCarried.minorUnits } == [0, 0, 5_000, 3_000])
    }

    @Test func numbersFollowTheDaysNotTheOrderOfRecording() throws {
        var f = F()
        let late = f.payment("A", 1_000, on: "2026-12-10")
        let early = f.payment("B", 1_000, on: "2026-12-08")
        let days = try calculator().days([late, early])
        #expect(days.map(\.day) == [F.day("2026-12-08"), F.day("2026-12-10")])
        #expect(days.map(\.number) == [1, 2])
    }

    @Test func otherBusinessesAreLeftOutAndAnotherCurrencyIsRefused() throws {
        var f = F()
        var other = F(business: "velo")
        let days = try calculator().days([f.payment("A", 1_000, on: "2026-12-08"), other.payment("V", 9_000, on: "2026-12-08")])
        #expect(days.count == 1 && days[0].gross == F.cad(1_000))
        var usd = f.payment("U", 1_000, on: "2026-12-09")
        usd.amount = Money(minorUnits: 1_000, currency: .usd)
        #expect(throws: DepositError.mixedCurrencies(business: "main", expected: "CAD", found: "USD")) {
            try calculator().days([usd])
        }
    }

    @Test func sumsThatOverflowAreAnErrorNotATrap() {
        var f = F()
        let huge = [f.payment("A", Int64.max - 10, on: "2026-12-08"), f.payment("B", 100, on: "2026-12-08")]
        #expect(throws: DepositError.overflow(business: "main")) { try calculator().days(huge) }
    }
}
