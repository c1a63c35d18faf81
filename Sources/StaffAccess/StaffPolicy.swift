import Foundation

/// The numbers of the sign-in rules.
public struct StaffPolicy: Sendable, Hashable {
    /// Wrong passwords in a row that lock a name…
    public var maximumFailures = 5
    /// …for this long. Failures older than this are forgotten.
    public var lockDuration: TimeInterval = 15 * 60
    /// A session ends this long after sign-in, however busy…
    public var sessionLifetime: TimeInterval = 12 * 3600
    /// …or after this long unused.
    public var idleTimeout: TimeInterval = 30 * 60
    /// A session's last use is written at most this often (each request would otherwise be a
    /// ledger write); the idle timeout is counted from it.
    public var touchInterval: TimeInterval = 60
    /// A one-time sign-in link is valid this long.
    public var signInLinkLifetime: TimeInterval = 10 * 60

    public init() {}

    public static let standard = StaffPolicy()
}
