/// Why a text was sent; the outbox and the staff message list group by it.
package enum MessageKind: String, Sendable, Codable, CaseIterable, Hashable {
    case request
    case reminder
    case confirmation
    case refund
    case test
    /// Typed or chosen by staff outside the automatic flows.
    case manual
}
