import Foundation
import Testing
import Billing
@testable import Checkout

@Suite struct Wallets {
    @Test(arguments: [
        (WalletKind.applePay, PaymentMethod.Kind.applePay, "Visa", "4242"),
        (.googlePay, .googlePay, "Mastercard", "4444"),
    ])
    func approve(kind: WalletKind, methodKind: PaymentMethod.Kind, brand: String, last4: String) throws {
        let outcome = Fixture.processor().authorize(ChargeRequest(amount: Fixture.cad(2_500), source: .wallet(kind, .approve)))
        let authorization = try #require(outcome.authorization)
        #expect(authorization.method == PaymentMethod(kind: methodKind, cardBrand: brand, last4: last4))
        #expect(authorization.method.kind.rawValue == kind.rawValue)
        #expect(isAuthorizationCode(authorization.code))
        #expect(authorization.amount == Fixture.cad(2_500))
    }

    @Test(arguments: WalletKind.allCases)
    func cancelRecordsNothing(kind: WalletKind) {
        let outcome = Fixture.processor().authorize(ChargeRequest(amount: Fixture.cad(2_500), source: .wallet(kind, .cancel)))
        #expect(outcome == .cancelled)
        #expect(outcome.authorization == nil)
    }

    @Test(arguments: WalletKind.allCases)
    func fail(kind: WalletKind) {
        #expect(Fixture.processor().authorize(ChargeRequest(amount: Fixture.cad(2_500), source: .wallet(kind, .fail)))
            == .declined(.walletFailed))
    }
}

@Suite struct Affirm {
    func pay(_ minorUnits: Int64, months: Int = 12, check: SimulatedCreditCheck = .approve,
             affirm: BusinessSettings.Affirm = Fixture.affirm) -> ChargeOutcome {
        Fixture.processor(affirm: affirm).authorize(
            ChargeRequest(amount: Fixture.cad(minorUnits), source: .affirm(AffirmSelection(months: months), creditCheck: check)))
    }

    @Test(arguments: [
        (4_999 as Int64, false), (5_000, true), (123_456, true), (3_000_000, true), (3_000_001, false),
    ])
    func eligibilityAtTheBounds(minorUnits: Int64, eligible: Bool) {
        let processor = Fixture.processor()
        #expect(processor.affirmEligible(Fixture.cad(minorUnits)) == eligible)
        #expect((processor.affirmQuote(for: Fixture.cad(minorUnits)) != nil) == eligible)
        if eligible {
            #expect(pay(minorUnits).authorization != nil)
        } else {
            #expect(pay(minorUnits) == .declined(.affirmNotEligible))
        }
    }

    @Test func disabled() {
        var settings = Fixture.affirm
        settings.enabled = false
        let processor = Fixture.processor(affirm: settings)
        #expect(!processor.affirmEligible(Fixture.cad(100_000)))
        #expect(processor.affirmQuote(for: Fixture.cad(100_000)) == nil)
        #expect(pay(100_000, affirm: settings) == .declined(.affirmNotEligible))
    }

    @Test func otherCurrencyIsNotEligibleAndDoesNotTrap() {
        let processor = Fixture.processor()
        #expect(!processor.affirmEligible(Money(minorUnits: 100_000, currency: .usd)))
        #expect(processor.authorize(ChargeRequest(amount: Money(minorUnits: 100_000, currency: .usd),
                                                  source: .affirm(AffirmSelection(months: 3), creditCheck: .approve)))
            == .declined(.affirmNotEligible))
    }

    @Test(arguments: [3, 6, 12])
    func approvedCarriesThePlan(months: Int) throws {
        let authorization = try #require(pay(100_000, months: months).authorization)
        let plan = try #require(authorization.affirmPlan)
        #expect(plan.months == months)
        #expect(plan.principal == Fixture.cad(100_000))
        #expect(authorization.method.kind == .affirm)
        #expect(authorization.method.cardBrand == nil && authorization.method.last4 == nil)
        #expect(authorization.amount == Fixture.cad(100_000))
        #expect(isAuthorizationCode(authorization.code))
    }

    @Test func creditCheckDeclined() {
        #expect(pay(100_000, check: .decline) == .declined(.affirmDeclined))
    }

    @Test(arguments: [0, 1, 9, 24, -3])
    func planNotOffered(months: Int) {
        #expect(pay(100_000, months: months) == .invalid([FieldError(.planUnavailable)]))
    }

    @Test func ineligibilityComesBeforeThePlanAndTheCreditCheck() {
        #expect(pay(1_000, months: 7, check: .decline) == .declined(.affirmNotEligible))
    }

    @Test func quoteForTheUI() throws {
        let quote = try #require(Fixture.processor().affirmQuote(for: Fixture.cad(100_000)))
        #expect(quote.options.map(\.months) == [3, 6, 12])
        #expect(quote.options.map(\.aprBasisPoints) == [0, 999, 1499])
        #expect(quote.options.map { $0.aprText(.en) } == ["0%", "9.99%", "14.99%"])
        #expect(quote.options.map { $0.aprText(.fr) } == ["0\u{00A0}%", "9,99\u{00A0}%", "14,99\u{00A0}%"])
        for option in quote.options {
            #expect(option.total.minorUnits == 100_000 + option.totalInterest.minorUnits)
            #expect(option.plan == AffirmPlan(principal: Fixture.cad(100_000), months: option.months, aprBasisPoints: option.aprBasisPoints))
        }
        let twelve = quote.options[2]
        #expect(twelve.monthlyPayment == Fixture.cad(9_025))
        #expect(twelve.lastPayment == Fixture.cad(9_028))
        #expect(twelve.totalInterest == Fixture.cad(8_303))
    }

    @Test func aprTextPadsSmallFractions() {
        let option = AffirmQuote.Option(plan: AffirmPlan(principal: Fixture.cad(100_000), months: 6, aprBasisPoints: 1205))
        #expect(option.aprText(.en) == "12.05%")
        #expect(option.aprText(.fr) == "12,05\u{00A0}%")
    }
}

/// Billing's amortization, checked against an independent computation (exact fractions,
/// half-up rounding of the payment and of each month's interest).
@Suite struct AffirmPlanArithmetic {
    // principal, months, APR bp, first instalment, last instalment, total
    @Test(arguments: [
        (5_000 as Int64, 3, 0, 1_667 as Int64, 1_666 as Int64, 5_000 as Int64),
        (5_000, 6, 999, 858, 857, 5_147),
        (5_000, 12, 1499, 451, 456, 5_417),
        (100_000, 3, 0, 33_333, 33_334, 100_000),
        (100_000, 6, 999, 17_156, 17_155, 102_935),
        (100_000, 12, 1499, 9_025, 9_028, 108_303),
        (123_457, 3, 0, 41_152, 41_153, 123_457),
        (123_457, 6, 999, 21_180, 21_179, 127_079),
        (123_457, 12, 1499, 11_142, 11_147, 133_709),
        (2_999_999, 3, 0, 1_000_000, 999_999, 2_999_999),
        (2_999_999, 6, 999, 514_669, 514_670, 3_088_015),
        (2_999_999, 12, 1499, 270_761, 270_757, 3_249_128),
        (3_000_000, 6, 999, 514_669, 514_671, 3_088_016),
        (3_000_000, 12, 1499, 270_761, 270_758, 3_249_129),
        (9_999, 6, 999, 1_715, 1_717, 10_292),
        (9_999, 12, 1499, 902, 906, 10_828),
    ])
    func matchesReference(principal: Int64, months: Int, apr: Int, first: Int64, last: Int64, total: Int64) {
        let plan = AffirmPlan(principal: Fixture.cad(principal), months: months, aprBasisPoints: apr)
        #expect(plan.installments.count == months)
        #expect(plan.installments.dropLast().allSatisfy { $0.minorUnits == first })
        #expect(plan.lastPayment.minorUnits == last)
        #expect(plan.totalPaid.minorUnits == total)
    }

    /// For many principals: the schedule sums to principal + interest exactly, all but the last
    /// instalment are equal, the last absorbs only rounding, the 0 % plan sums to the principal.
    @Test(arguments: [5_000, 5_001, 7_777, 10_000, 33_333, 99_999, 100_000, 250_050, 1_234_567, 2_999_999, 3_000_000] as [Int64])
    func invariants(principal: Int64) throws {
        let offers = AffirmPlan.offers(for: Fixture.cad(principal))
        #expect(offers.map(\.months) == [3, 6, 12])
        #expect(offers.map(\.aprBasisPoints) == [0, 999, 1499])
        for plan in offers {
            let sum = plan.installments.reduce(0) { $0 + $1.minorUnits }
            #expect(sum == plan.totalPaid.minorUnits)
            #expect(sum == principal + plan.totalInterest.minorUnits)
            #expect(Set(plan.installments.dropLast()).count == 1)
            #expect(plan.installments.allSatisfy { $0.isPositive && $0.currency == .cad })
            // The last instalment differs from the others by rounding only: at most half a cent a month.
            #expect(abs(plan.lastPayment.minorUnits - plan.monthlyPayment.minorUnits) <= Int64(plan.months))
            if plan.aprBasisPoints == 0 {
                #expect(sum == principal)
                #expect(plan.totalInterest.isZero)
            } else {
                #expect(plan.totalInterest.isPositive)
                // Interest = the sum of each month's rounded interest on the running balance.
                var balance = principal
                var interest: Int64 = 0
                for payment in plan.installments {
                    let monthly = halfUp(balance * Int64(plan.aprBasisPoints), 120_000)
                    interest += monthly
                    balance = balance + monthly - payment.minorUnits
                }
                #expect(balance == 0)
                #expect(interest == plan.totalInterest.minorUnits)
            }
        }
        // A longer plan at a higher rate costs more.
        #expect(offers[0].totalInterest < offers[1].totalInterest && offers[1].totalInterest < offers[2].totalInterest)
    }

    private func halfUp(_ numerator: Int64, _ denominator: Int64) -> Int64 {
        (numerator * 2 + denominator) / (denominator * 2)
    }
}
