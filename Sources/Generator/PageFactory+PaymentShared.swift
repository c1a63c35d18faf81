import Billing

extension PageFactory {
    /// What a request's payment pages share whatever their language, worked out once per request:
    /// the Markdown notes, and the Affirm plans (exact `Decimal` amortization, too costly to
    /// repeat for each of a request's pages).
    struct PaymentShared {
        var notesHTML: String?
        var lowestAffirmPayment: Money?
    }

    func paymentShared(_ model: RequestModel) -> PaymentShared {
        let due = model.state.amountDue
        let affirm = model.state.status == .open && due.isPositive && model.business.affirm.isEligible(due)
        return PaymentShared(notesHTML: notesHTML(model),
                             lowestAffirmPayment: affirm ? AffirmPlan.offers(for: due).map(\.monthlyPayment).min() : nil)
    }
}
