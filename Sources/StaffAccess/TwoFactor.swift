import Foundation

/// Whether a person signs in with a second factor: none, set up but not yet confirmed by a
/// first code, or on.
package enum TwoFactorState: String, Sendable, Hashable, Codable {
    case off
    case pending
    case on
}

/// What `paypage staff totp NAME` shows once: the URI for an authenticator app (as a QR code
/// too) and the same secret in base32 for typing by hand. Never stored or logged.
package struct TOTPEnrolment: Sendable, Hashable {
    package var name: String
    package var uri: String
    package var base32: String
}

/// Where a right password leads: a session, or (with a second factor) the code step.
package enum SignInStep: Sendable, Hashable {
    case signedIn(NewSession)
    case needsCode(PendingSignIn)
}

/// A half session waiting for the second factor's code: `id` goes into a cookie and is never
/// stored (the ledger keeps its digest); the code form carries `csrfToken`.
package struct PendingSignIn: Sendable, Hashable {
    package var id: String
    package var name: String
    package var csrfToken: String
    package var expiresAt: Date

    package func accepts(csrfToken submitted: String?) -> Bool {
        CSRFToken.matches(expected: csrfToken, submitted: submitted)
    }
}
