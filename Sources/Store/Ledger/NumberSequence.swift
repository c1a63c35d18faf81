/// Sequences numbered per business.
public enum NumberSequence: String, Sendable, CaseIterable {
    case receipt
    case refund
}
