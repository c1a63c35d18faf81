/// CSRF tokens for the console's forms.
///
/// - Signed in: every session has its own token (`StaffSession.csrfToken`), which each
///   state-changing form carries; check it with `StaffSession.accepts(csrfToken:)`.
/// - Before a session exists (the sign-in form, the one-time link's "Continue" button): double
///   submit. The server sets a `fresh()` token in a cookie (`HttpOnly`, `SameSite=Strict`, and
///   `__Host-` prefixed when served over https) and puts the same value in the form; on POST,
///   `doubleSubmitMatches(cookie:field:)` must hold.
public enum CSRFToken {
    public static func fresh() -> String { SecretToken.fresh() }

    /// Both present, well-formed and equal (compared in constant time).
    public static func doubleSubmitMatches(cookie: String?, field: String?) -> Bool {
        guard let cookie, let field, SecretToken.isWellFormed(cookie) else { return false }
        return SecretToken.constantTimeEquals(cookie, field)
    }

    /// A session's token against what a form sent.
    static func matches(expected: String, submitted: String?) -> Bool {
        guard let submitted else { return false }
        return SecretToken.constantTimeEquals(expected, submitted)
    }
}
