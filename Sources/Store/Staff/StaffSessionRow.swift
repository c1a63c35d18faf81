import Foundation

/// A signed-in session as stored: the SHA-256 digest of its id (the cookie value is never
/// stored), whose it is, when it began and was last used, and its CSRF secret.
public struct StaffSessionRow: Sendable, Hashable {
    public var idDigest: String
    public var staffID: Int64
    public var createdAt: Date
    public var lastSeenAt: Date
    public var csrfSecret: String

    public init(idDigest: String, staffID: Int64, createdAt: Date, lastSeenAt: Date, csrfSecret: String) {
        self.idDigest = idDigest
        self.staffID = staffID
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.csrfSecret = csrfSecret
    }
}
