@testable import StaffAccess
import Testing

@Suite struct CSRFTokenTests {
    @Test func doubleSubmitNeedsTheSameWellFormedTokenInBoth() {
        let token = CSRFToken.fresh()
        #expect(CSRFToken.doubleSubmitMatches(cookie: token, field: token))
        #expect(!CSRFToken.doubleSubmitMatches(cookie: token, field: CSRFToken.fresh()))
        #expect(!CSRFToken.doubleSubmitMatches(cookie: token, field: nil))
        #expect(!CSRFToken.doubleSubmitMatches(cookie: nil, field: token))
        #expect(!CSRFToken.doubleSubmitMatches(cookie: "", field: ""))
        // Equal but not a token the server could have issued (an attacker-planted cookie).
        #expect(!CSRFToken.doubleSubmitMatches(cookie: "x", field: "x"))
    }

    @Test func freshTokensAreDistinctAndWellFormed() {
        let tokens = (0..<200).map { _ in CSRFToken.fresh() }
        #expect(Set(tokens).count == tokens.count)
        #expect(tokens.allSatisfy(SecretToken.isWellFormed))
    }

    @Test(arguments: [("abc", "abc", true), ("abc", "abd", false), ("abc", "ab", false), ("", "", true), ("é", "e", false)])
    func constantTimeEqualsIsEquality(_ a: String, _ b: String, _ equal: Bool) {
        #expect(SecretToken.constantTimeEquals(a, b) == equal)
    }
}
