import Billing

/// The Affirm plans shown to the customer, flattened for templates.
package struct AffirmQuote: Sendable, Hashable, Codable {
    package struct Option: Sendable, Hashable, Codable {
        package var months: Int
        /// 1499 = 14.99 %.
        package var aprBasisPoints: Int
        /// Every instalment but the last, which absorbs the rounding.
        package var monthlyPayment: Money
        package var lastPayment: Money
        package var totalInterest: Money
        /// Principal + interest = the sum of the instalments.
        package var total: Money
        package var plan: AffirmPlan

        package init(plan: AffirmPlan) {
            months = plan.months
            aprBasisPoints = plan.aprBasisPoints
            monthlyPayment = plan.monthlyPayment
            lastPayment = plan.lastPayment
            totalInterest = plan.totalInterest
            total = plan.totalPaid
            self.plan = plan
        }

        /// "14.99%" / "14,99 %" (French puts a no-break space before %); "0%" / "0 %" for interest-free.
        package func aprText(_ language: Language) -> String {
            let whole = aprBasisPoints / 100
            let cents = aprBasisPoints % 100
            let number = cents == 0 ? "\(whole)" : "\(whole)\(language == .fr ? "," : ".")\(cents < 10 ? "0" : "")\(cents)"
            return language == .fr ? "\(number)\u{00A0}%" : "\(number)%"
        }
    }

    package var amount: Money
    package var options: [Option]

    /// The plans for an amount; eligibility is the caller's (`SimulatedProcessor.affirmQuote(for:)` checks it).
    package init(amount: Money) {
        self.amount = amount
        self.options = AffirmPlan.offers(for: amount).map(Option.init(plan:))
    }
}
