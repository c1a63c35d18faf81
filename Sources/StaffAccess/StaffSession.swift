import Foundation

/// A signed-in session, as checked for one request.
package struct StaffSession: Sendable, Hashable {
    package var member: StaffMember
    /// The token every state-changing form of this session carries.
    package var csrfToken: String
    package var createdAt: Date
    package var lastSeenAt: Date
    /// When it ends if unused (idle timeout), or at the latest (lifetime), whichever is first.
    package var expiresAt: Date

    /// Whether a form's token is this session's (compared in constant time).
    package func accepts(csrfToken submitted: String?) -> Bool {
        CSRFToken.matches(expected: csrfToken, submitted: submitted)
    }
}

/// A session just begun: `id` goes into the cookie and is never stored (the ledger keeps its
/// digest), so it exists only here and in the browser.
package struct NewSession: Sendable, Hashable {
    package var id: String
    package var session: StaffSession
}

/// A one-time sign-in link's secret, for the first owner.
package struct SignInLink: Sendable, Hashable {
    package var token: String
    package var ownerName: String
    package var expiresAt: Date
}
