import Foundation

/// The numbers of the sign-in rules.
package struct StaffPolicy: Sendable, Hashable {
    /// Wrong passwords in a row that lock a name…
    package var maximumFailures = 5
    /// …for this long. Failures older than this are forgotten.
    package var lockDuration: TimeInterval = 15 * 60
    /// A session ends this long after sign-in, however busy…
    package var sessionLifetime: TimeInterval = 12 * 3600
    /// …or after this long unused.
    package var idleTimeout: TimeInterval = 30 * 60
    /// A session's last use is written at most this often (each request would otherwise be a
    /// ledger write); the idle timeout is counted from it.
    package var touchInterval: TimeInterval = 60
    /// A one-time sign-in link is valid this long.
    package var signInLinkLifetime: TimeInterval = 10 * 60
    /// Between a right password and the second factor's code, at most this long.
    package var pendingSignInLifetime: TimeInterval = 5 * 60

    package init() {}

    package static let standard = StaffPolicy()
}
