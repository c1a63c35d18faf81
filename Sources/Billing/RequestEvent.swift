import Foundation

/// What happened to a request. The ledger stores these; the state is derived from them.
package enum RequestEvent: Sendable, Hashable, Codable {
    case requested(amount: Money)
    case messageSent(kind: String, messageID: Int64)
    case paid(Payment)
    case refunded(Refund)
    case voided(reason: String?)
    case reminded
    case confirmationSent
    case notified
    case linkRotated
    /// An import replaced the invoice of an unpaid request; `file` is the imported file's name.
    case updatedFromImport(amount: Money, file: String)

    /// Stable name stored in the ledger's `kind` column.
    package var kind: String {
        switch self {
        case .requested: "requested"
        case .messageSent: "message_sent"
        case .paid: "paid"
        case .refunded: "refunded"
        case .voided: "voided"
        case .reminded: "reminded"
        case .confirmationSent: "confirmation_sent"
        case .notified: "notified"
        case .linkRotated: "link_rotated"
        case .updatedFromImport: "updated_from_import"
        }
    }
}

/// An event with its place in the ledger.
package struct LedgerEntry: Sendable, Hashable {
    package var sequence: Int64
    package var reference: Reference
    package var at: Date
    package var event: RequestEvent
    /// Who did it; nil for events recorded before the ledger kept it.
    package var actor: EventActor?

    package init(sequence: Int64, reference: Reference, at: Date, event: RequestEvent, actor: EventActor? = nil) {
        self.sequence = sequence
        self.reference = reference
        self.at = at
        self.event = event
        self.actor = actor
    }
}
