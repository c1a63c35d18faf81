import Foundation

/// A signed-in session as stored: the SHA-256 digest of its id (the cookie value is never
/// stored), whose it is, when it began and was last used, and its CSRF secret.
package struct StaffSessionRow: Sendable, Hashable {
    package var idDigest: String
    package var staffID: Int64
    package var createdAt: Date
    package var lastSeenAt: Date
    package var csrfSecret: String

    package init(idDigest: String, staffID: Int64, createdAt: Date, lastSeenAt: Date, csrfSecret: String) {
        self.idDigest = idDigest
        self.staffID = staffID
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.csrfSecret = csrfSecret
    }
}
