import Testing
@testable import Billing

struct IdentifiersTests {
    @Test(arguments: [
        ("514-555-0123", "+15145550123"), ("(613) 555-0123", "+16135550123"), ("+1 819 555 0199", "+18195550199"),
        ("1 514 555 0123", "+15145550123"), ("+33 1 23 45 67 89", "+33123456789"),
    ])
    func phonesNormalizeToE164(text: String, e164: String) throws {
        #expect(try PhoneNumber(text).e164 == e164)
    }

    @Test(arguments: ["555-0123", "014-555-0123", "abc", "+0 123", "514 555 01234 5", "+1 514 555 0123 +2"])
    func invalidPhones(text: String) {
        #expect(throws: BillingError.invalidPhone(text)) { try PhoneNumber(text) }
    }

    @Test(arguments: ["RO-1001", "a", "VL_2025.014", String(repeating: "x", count: 64)])
    func validReferences(ref: String) { #expect(Reference.isValid(ref)) }

    @Test(arguments: ["", "RO 1001", "../etc", "..", "é", "a/b", String(repeating: "x", count: 65)])
    func invalidReferences(ref: String) { #expect(!Reference.isValid(ref)) }

    @Test func referencesAreUniqueIgnoringCase() throws {
        #expect(try Reference("RO-1001").key == Reference("ro-1001").key)
    }

    @Test(arguments: [("fr", Language.fr), ("fr-CA", .fr), ("EN_ca", .en), ("en", .en)])
    func languages(code: String, language: Language) throws { #expect(try Language(code: code) == language) }
}
