import Foundation

/// A one-time sign-in link as stored: the digest of its token, for whom, and until when.
public struct SignInLinkRow: Sendable, Hashable {
    public var tokenDigest: String
    public var staffID: Int64
    public var createdAt: Date
    public var expiresAt: Date

    public init(tokenDigest: String, staffID: Int64, createdAt: Date, expiresAt: Date) {
        self.tokenDigest = tokenDigest
        self.staffID = staffID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
