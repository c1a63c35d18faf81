import Testing
@testable import Billing

struct AffirmPlanTests {
    @Test(arguments: [5_000, 10_001, 185_000, 240_000, 3_000_000, 99_999])
    func schedulesAddUpExactly(principal: Int64) {
        for plan in AffirmPlan.offers(for: Money(minorUnits: principal, currency: .cad)) {
            #expect(plan.installments.count == plan.months)
            #expect(plan.totalPaid.minorUnits == principal + plan.totalInterest.minorUnits)
            #expect(plan.aprBasisPoints == 0 ? plan.totalInterest.isZero : plan.totalInterest.isPositive)
            // Every instalment but the last is the same; the last absorbs the rounding.
            #expect(Set(plan.installments.dropLast()).count <= 1)
            #expect(abs(plan.lastPayment.minorUnits - plan.monthlyPayment.minorUnits) < Int64(plan.months) + 1)
        }
    }

    @Test func standardAmortization() {
        // 1 000.00 over 12 months at 14.99 %: 90.25 a month (annuity formula gives 90.2536).
        let plan = AffirmPlan(principal: Money(minorUnits: 100_000, currency: .cad), months: 12, aprBasisPoints: 1_499)
        #expect(plan.monthlyPayment.minorUnits == 9_025)
        let zero = AffirmPlan(principal: Money(minorUnits: 10_000, currency: .cad), months: 3, aprBasisPoints: 0)
        #expect(zero.installments.map(\.minorUnits) == [3_333, 3_333, 3_334])
    }
}
