import Billing
import Foundation

/// A note for staff ("INV-12 was paid $125.00 by Visa •••• 4242"), newest shown first.
package struct StaffNotification: Sendable, Hashable {
    package var id: Int64
    package var at: Date
    package var reference: Reference
    package var text: String

    package init(id: Int64, at: Date, reference: Reference, text: String) {
        self.id = id
        self.at = at
        self.reference = reference
        self.text = text
    }
}
