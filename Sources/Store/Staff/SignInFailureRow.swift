import Foundation

/// Failed sign-ins for one name (known or not): how many in a row, the last one, and the
/// lock they caused.
public struct SignInFailureRow: Sendable, Hashable {
    public var nameKey: String
    public var failures: Int
    public var lastFailureAt: Date
    public var lockedUntil: Date?

    public init(nameKey: String, failures: Int, lastFailureAt: Date, lockedUntil: Date?) {
        self.nameKey = nameKey
        self.failures = failures
        self.lastFailureAt = lastFailureAt
        self.lockedUntil = lockedUntil
    }
}
