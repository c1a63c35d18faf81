import Foundation

/// A signed-in session, as checked for one request.
public struct StaffSession: Sendable, Hashable {
    public var member: StaffMember
    /// The token every state-changing form of this session carries.
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date
    /// When it ends if unused (idle timeout), or at the latest (lifetime), whichever is first.
    public var expiresAt: Date

    /// Whether a form's token is this session's (compared in constant time).
    public func accepts(csrfToken submitted: String?) -> Bool {
        CSRFToken.matches(expected: csrfToken, submitted: submitted)
    }
}

/// A session just begun: `id` goes into the cookie and is never stored (the ledger keeps its
/// digest), so it exists only here and in the browser.
public struct NewSession: Sendable, Hashable {
    public var id: String
    public var session: StaffSession
}

/// A one-time sign-in link's secret, for the first owner.
public struct SignInLink: Sendable, Hashable {
    public var token: String
    public var ownerName: String
    public var expiresAt: Date
}
