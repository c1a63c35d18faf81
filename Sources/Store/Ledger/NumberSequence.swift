/// Sequences numbered per business.
package enum NumberSequence: String, Sendable, CaseIterable {
    case receipt
    case refund
}
