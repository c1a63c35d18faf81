import Foundation

/// Failed sign-ins for one name (known or not): how many in a row, the last one, and the
/// lock they caused.
package struct SignInFailureRow: Sendable, Hashable {
    package var nameKey: String
    package var failures: Int
    package var lastFailureAt: Date
    package var lockedUntil: Date?

    package init(nameKey: String, failures: Int, lastFailureAt: Date, lockedUntil: Date?) {
        self.nameKey = nameKey
        self.failures = failures
        self.lastFailureAt = lastFailureAt
        self.lockedUntil = lockedUntil
    }
}
