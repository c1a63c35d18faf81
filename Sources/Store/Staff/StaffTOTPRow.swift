import Foundation

/// A staff member's TOTP secret as stored: the raw random bytes (never text), whether its first
/// code confirmed it, and the last time step a code was accepted for.
package struct StaffTOTPRow: Sendable, Hashable {
    package var staffID: Int64
    package var secret: [UInt8]
    package var createdAt: Date
    package var confirmedAt: Date?
    package var lastStep: Int64?

    package init(staffID: Int64, secret: [UInt8], createdAt: Date, confirmedAt: Date?, lastStep: Int64?) {
        self.staffID = staffID
        self.secret = secret
        self.createdAt = createdAt
        self.confirmedAt = confirmedAt
        self.lastStep = lastStep
    }
}

/// The half session between a right password and the second factor's code: the digest of its
/// id (the cookie's value is never stored), whose it is, until when, and its CSRF secret.
package struct PendingSignInRow: Sendable, Hashable {
    package var idDigest: String
    package var staffID: Int64
    package var createdAt: Date
    package var expiresAt: Date
    package var csrfSecret: String

    package init(idDigest: String, staffID: Int64, createdAt: Date, expiresAt: Date, csrfSecret: String) {
        self.idDigest = idDigest
        self.staffID = staffID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.csrfSecret = csrfSecret
    }
}
