import Billing
import Foundation

/// A note for staff ("INV-12 was paid $125.00 by Visa •••• 4242"), newest shown first.
public struct StaffNotification: Sendable, Hashable {
    public var id: Int64
    public var at: Date
    public var reference: Reference
    public var text: String

    public init(id: Int64, at: Date, reference: Reference, text: String) {
        self.id = id
        self.at = at
        self.reference = reference
        self.text = text
    }
}
