import Billing

extension BusinessValidator {
    /// The longest settlement delay accepted, in business days.
    package static let maximumSettlementDelay = 30

    /// Validates the `deposits` object; every problem is reported at its JSON path.
    func deposits(_ record: DepositsRecord?, _ currency: Currency, _ check: inout FieldCheck) -> DepositPolicy {
        guard let record else { return DepositPolicy() }
        var fees: [PaymentMethod.Kind: ProcessorFee] = [:]
        for (name, fee) in (record.fees ?? [:]).sorted(by: { $0.key < $1.key }) {
            let path = "deposits.fees.\(name)"
            guard let method = PaymentMethod.Kind(rawValue: name) else {
                check.fail(path, "is not an online payment method (card, apple_pay, google_pay, affirm)")
                continue
            }
            guard !method.isOffline else {
                check.fail(path, "\(name) is paid offline: the processor charges no fee on it")
                continue
            }
            if let parsed = self.fee(fee, path, currency, &check) { fees[method] = parsed }
        }
        let delay = record.settlementDelay ?? 2
        if !(0...Self.maximumSettlementDelay).contains(delay) {
            check.fail("deposits.settlementDelay", "must be a number of business days from 0 to \(Self.maximumSettlementDelay)")
        }
        var holidays: Set<CalendarDate> = []
        for (index, text) in (record.holidays ?? []).enumerated() {
            let path = JSONPath.join("deposits.holidays", index)
            guard let day = check.date(text, path) else { continue }
            if !holidays.insert(day).inserted { check.fail(path, "\(day.iso) is listed twice") }
        }
        return DepositPolicy(fees: fees, settlementDelay: delay, holidays: holidays,
                             refundsReturnPercentFee: record.refundsReturnPercentFee ?? false)
    }

    private func fee(_ record: DepositsRecord.FeeRecord, _ path: String, _ currency: Currency,
                     _ check: inout FieldCheck) -> ProcessorFee? {
        let percentPath = path + ".percent"
        let percent = check.attempt(percentPath) { () throws(BillingError) in try FixedDecimal.parse(record.percent ?? "0", maxScale: 4) }
        if let percent, percent.units < 0 || !percent.isBelow(100) {
            check.fail(percentPath, "must be a percentage from 0 to less than 100")
            return nil
        }
        let fixed = check.money(record.fixed ?? "0", path + ".fixed", currency, sign: .positiveOrZero)
        guard let percent, let fixed else { return nil }
        return ProcessorFee(percent: percent, fixed: fixed)
    }
}
