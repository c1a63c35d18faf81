/// The `deposits` object of a business file: how the processor pays the business out.
///
///     "deposits": {
///       "fees": { "card": { "percent": "2.9", "fixed": "0.30" }, "affirm": { "percent": "6" } },
///       "settlementDelay": 2,
///       "holidays": ["2026-12-25"],
///       "refundsReturnPercentFee": false
///     }
package struct DepositsRecord: Codable, Sendable, Hashable {
    package struct FeeRecord: Codable, Sendable, Hashable {
        /// Percent as a string: "2.9". Absent means 0.
        package var percent: String?
        /// Money as a string: "0.30". Absent means 0.
        package var fixed: String?

        package init(percent: String? = nil, fixed: String? = nil) {
            self.percent = percent
            self.fixed = fixed
        }
    }

    /// By method: card, apple_pay, google_pay, affirm.
    package var fees: [String: FeeRecord]?
    /// Business days from a payment to its deposit (default 2).
    package var settlementDelay: Int?
    /// Days without deposits besides weekends, as YYYY-MM-DD.
    package var holidays: [String]?
    /// Whether a refund gives back its share of the percentage fee (default false).
    package var refundsReturnPercentFee: Bool?

    package init(fees: [String: FeeRecord]? = nil, settlementDelay: Int? = nil, holidays: [String]? = nil,
                refundsReturnPercentFee: Bool? = nil) {
        self.fees = fees
        self.settlementDelay = settlementDelay
        self.holidays = holidays
        self.refundsReturnPercentFee = refundsReturnPercentFee
    }
}
