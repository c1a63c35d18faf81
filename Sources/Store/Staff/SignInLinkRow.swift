import Foundation

/// A one-time sign-in link as stored: the digest of its token, for whom, and until when.
package struct SignInLinkRow: Sendable, Hashable {
    package var tokenDigest: String
    package var staffID: Int64
    package var createdAt: Date
    package var expiresAt: Date

    package init(tokenDigest: String, staffID: Int64, createdAt: Date, expiresAt: Date) {
        self.tokenDigest = tokenDigest
        self.staffID = staffID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
