import Crypto
import Foundation
@testable import StaffAccess
import Testing

/// The secret is random bytes given to HummingbirdOTP as bytes: its codes are RFC 6238's, and
/// the same as an HMAC over the raw bytes computed here without the library.
@Suite struct TOTPSecretTests {
    /// RFC 6238 appendix B (SHA-1, secret "12345678901234567890"), last 6 of the 8 digits.
    @Test(arguments: [(59.0, "287082"), (1_111_111_109.0, "081804"), (1_111_111_111.0, "050471"), (1_234_567_890.0, "005924"),
                      (2_000_000_000.0, "279037")])
    func rfc6238Vectors(_ time: Double, _ expected: String) throws {
        let secret = try #require(TOTPSecret(bytes: Array("12345678901234567890".utf8)))
        #expect(String(format: "%06d", secret.code(step: TOTPSecret.step(at: Date(timeIntervalSince1970: time)))) == expected)
    }

    @Test func freshSecretsAreByteCountRandomBytesAndCodesComeFromThoseBytes() throws {
        let a = TOTPSecret.fresh(), b = TOTPSecret.fresh()
        #expect(a.bytes.count == TOTPSecret.byteCount && b.bytes.count == TOTPSecret.byteCount && TOTPSecret.byteCount * 7 >= 160)
        #expect(a != b)
        for step: Int64 in [0, 1, 56_666_666, 123_456_789] {
            #expect(a.code(step: step) == Self.hotp(a.bytes, step))
        }
    }

    @Test func theURIAndTheBase32TextCarryTheSameBytes() throws {
        let secret = TOTPSecret.fresh()
        let uri = secret.authenticatorURI(name: "Marie Tremblay", issuer: "Garage Test")
        #expect(uri.hasPrefix("otpauth://totp/Garage%20Test:Marie%20Tremblay?secret="))
        #expect(uri.contains("&issuer=Garage%20Test"))
        let base32 = secret.base32
        #expect(base32.count == 40 && !base32.contains("="), "25 bytes: 40 characters, no padding")
        #expect(TOTPSecret(base32: base32) == secret)
        #expect(URLComponents(string: uri)?.queryItems?.first { $0.name == "secret" }?.value == base32)
    }

    /// An app reads the issuer from the query: a business name with `&`, `:` or accents arrives whole.
    @Test(arguments: ["Garage Tremblay & Fils", "Clinique vétérinaire des Érables", "A:B #1 + 50%"])
    func businessNamesReachTheAppWhole(_ issuer: String) throws {
        let uri = TOTPSecret.fresh().authenticatorURI(name: "Élise O'Brien", issuer: issuer)
        let parts = try #require(URLComponents(string: uri))
        #expect(parts.scheme == "otpauth" && parts.host == "totp")
        #expect(parts.queryItems?.first { $0.name == "issuer" }?.value == issuer)
        #expect(parts.queryItems?.map(\.name) == ["secret", "issuer"])
        #expect(parts.path == "/\(issuer):Élise O'Brien")
    }

    @Test(arguments: ["", "12345", "1234567", "12a456", "１２３４５６"])
    func malformedCodesMatchNothing(_ code: String) {
        let secret = TOTPSecret.fresh()
        #expect(secret.matchingStep(code, around: 1_000) == nil)
    }

    @Test func bytesThatAreNotTheirOwnUTF8AreRefused() {
        #expect(TOTPSecret(bytes: [0x41, 0xC3]) == nil)
        #expect(TOTPSecret(bytes: []) == nil)
    }

    /// RFC 4226's HOTP over the raw key bytes, with swift-crypto directly.
    static func hotp(_ key: [UInt8], _ counter: Int64) -> Int {
        let message = withUnsafeBytes(of: UInt64(counter).bigEndian) { Array($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        let offset = Int(mac[19] & 0x0F)
        let value = (Int(mac[offset] & 0x7F) << 24) | (Int(mac[offset + 1]) << 16) | (Int(mac[offset + 2]) << 8) | Int(mac[offset + 3])
        return value % 1_000_000
    }
}
