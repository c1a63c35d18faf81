/// The five states of a request, derived from its events.
package enum RequestStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case open
    case paid
    case partiallyRefunded = "partially_refunded"
    case refunded
    case voided

    package var wasPaid: Bool { self == .paid || self == .partiallyRefunded || self == .refunded }
}
