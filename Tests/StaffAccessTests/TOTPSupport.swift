import Foundation
@testable import StaffAccess

/// Reads an enrolment's base32 text back into the secret (RFC 4648, no padding), and gives the
/// 6-digit code an authenticator app would show for a time step.
enum TOTPSupport {
    static func secret(_ base32: String) -> TOTPSecret? { TOTPSecret(base32: base32) }

    static func code(_ secret: TOTPSecret, step: Int64) -> String {
        String(format: "%06d", secret.code(step: step))
    }

    /// The enrolled secret of `name`, confirmed with the code of the fixture's current step.
    static func enrolAndConfirm(_ fixture: StaffFixture, _ name: String) throws -> TOTPSecret {
        let enrolment = try fixture.staff.enrolTOTP(named: name, issuer: "Garage Test")
        guard let secret = secret(enrolment.base32) else { throw TOTPSupportError() }
        try fixture.staff.confirmTOTP(named: name, code: code(secret, step: TOTPSecret.step(at: fixture.clock.now)))
        return secret
    }

    struct TOTPSupportError: Error {}
}
