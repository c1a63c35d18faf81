import ExtrasBase64
import Foundation
import HummingbirdOTP

/// A TOTP secret: 25 bytes from the system's CSPRNG, given to `HummingbirdOTP` as bytes.
///
/// `HummingbirdOTP` keys its HMAC with the UTF-8 bytes of the `String` it is given, so a secret
/// must be bytes that are their own UTF-8: each byte is drawn at random with its top bit cleared
/// (7 random bits each, 175 in all, above RFC 4226's recommended 160). The `String` built from
/// them then holds exactly those bytes, and the base32 text an authenticator app is given is
/// the encoding of the same bytes: 40 characters, with no padding to trouble an app.
package struct TOTPSecret: Sendable, Hashable {
    package static let byteCount = 25
    /// Seconds per code (authenticator apps' default).
    package static let timeStep: Int64 = 30

    package let bytes: [UInt8]

    /// Fails (nil) for bytes that are not their own UTF-8, which `fresh()` never makes.
    package init?(bytes: [UInt8]) {
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        self.bytes = bytes
    }

    package static func fresh() -> TOTPSecret {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: 0...0x7F, using: &generator) }
        return TOTPSecret(bytes: bytes)!
    }

    /// The key `HummingbirdOTP` reads (`secret.utf8` is `bytes`).
    var keyText: String { String(decoding: bytes, as: UTF8.self) }

    /// The 6-digit code for one time step (HOTP with the step as counter, as TOTP defines it).
    package func code(step: Int64) -> Int {
        HOTP(secret: keyText).compute(counter: UInt64(max(0, step)))
    }

    /// The time step `date` falls in.
    package static func step(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / Double(timeStep)).rounded(.down))
    }

    /// `otpauth://totp/ISSUER:NAME?secret=BASE32&issuer=ISSUER`, for an authenticator app. Names
    /// are percent-encoded outside RFC 3986's unreserved characters: HummingbirdOTP's own URL
    /// leaves `&` bare, so "Garage Tremblay & Fils" would reach the app as "Garage Tremblay ".
    package func authenticatorURI(name: String, issuer: String) -> String {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "" }
        return "otpauth://totp/\(encoded(issuer)):\(encoded(name))?secret=\(base32)&issuer=\(encoded(issuer))"
    }

    /// The base32 text of the secret (what an app asks for when typed in by hand): RFC 4648,
    /// upper case; 25 bytes need no padding.
    package var base32: String { String(base32Encoding: bytes) }

    /// The secret a base32 text stands for (case and padding ignored), if it is one.
    package init?(base32 text: String) {
        guard let bytes = try? Base32.decode(string: text.uppercased().filter { $0 != "=" }) else { return nil }
        self.init(bytes: bytes)
    }

    /// The step among `step - window … step + window` whose code is `code`, if any.
    package func matchingStep(_ code: String, around step: Int64, window: Int64 = 1) -> Int64? {
        let digits = code.filter { !$0.isWhitespace }
        guard digits.count == 6, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let value = Int(digits) else { return nil }
        var found: Int64?
        // Every candidate is computed, so the time taken does not tell which one matched.
        for candidate in (step - window)...(step + window) where self.code(step: candidate) == value {
            found = found ?? candidate
        }
        return found
    }
}
