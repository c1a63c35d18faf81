import Foundation

/// An Affirm instalment plan: monthly payments by standard amortization, rounded to the cent,
/// the last instalment absorbing the difference so the schedule adds up exactly.
package struct AffirmPlan: Sendable, Hashable, Codable {
    package var months: Int
    /// Annual percentage rate in basis points (1499 = 14.99 %).
    package var aprBasisPoints: Int
    package var principal: Money
    package var installments: [Money]

    package var monthlyPayment: Money { installments.first ?? principal }
    package var lastPayment: Money { installments.last ?? principal }

    package var totalPaid: Money {
        Money(minorUnits: installments.reduce(0) { $0 + $1.minorUnits }, currency: principal.currency)
    }

    /// Interest is the customer's cost of the loan; it is never refunded by the business.
    package var totalInterest: Money {
        Money(minorUnits: totalPaid.minorUnits - principal.minorUnits, currency: principal.currency)
    }

    /// The plans offered: 3 months at 0 %, 6 months at 9.99 %, 12 months at 14.99 % (simulated terms).
    package static let offeredTerms: [(months: Int, aprBasisPoints: Int)] = [(3, 0), (6, 999), (12, 1499)]

    package static func offers(for principal: Money) -> [AffirmPlan] {
        offeredTerms.map { AffirmPlan(principal: principal, months: $0.months, aprBasisPoints: $0.aprBasisPoints) }
    }

    package init(principal: Money, months: Int, aprBasisPoints: Int) {
        precondition(months > 0 && aprBasisPoints >= 0, "plan terms are constants of the simulator")
        self.months = months
        self.aprBasisPoints = aprBasisPoints
        self.principal = principal
        self.installments = AffirmPlan.schedule(principal: principal.minorUnits, months: months, aprBasisPoints: aprBasisPoints)
            .map { Money(minorUnits: $0, currency: principal.currency) }
    }

    /// Decimal (exact base-10), never Double, for the amortization factor.
    static func schedule(principal: Int64, months: Int, aprBasisPoints: Int) -> [Int64] {
        guard aprBasisPoints > 0 else {
            let payment = Rounding.divideHalfUp(principal, by: Int64(months))
            return Array(repeating: payment, count: months - 1) + [principal - payment * Int64(months - 1)]
        }
        let rate = Decimal(aprBasisPoints) / Decimal(120_000)
        var growth = Decimal(1)
        for _ in 0..<months { growth *= (1 + rate) }
        let payment = roundToUnit(Decimal(principal) * rate * growth / (growth - 1))
        var balance = principal
        var result: [Int64] = []
        for _ in 0..<(months - 1) {
            let interest = roundToUnit(Decimal(balance) * rate)
            balance -= payment - interest
            result.append(payment)
        }
        result.append(balance + roundToUnit(Decimal(balance) * rate))
        return result
    }

    private static func roundToUnit(_ value: Decimal) -> Int64 {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, 0, .plain)
        return NSDecimalNumber(decimal: rounded).int64Value
    }
}
