import Foundation
@testable import StaffAccess

/// The 6-digit code an authenticator app would show for a time step.
enum TOTPSupport {
    static func code(_ secret: TOTPSecret, step: Int64) -> String {
        String(format: "%06d", secret.code(step: step))
    }

    /// The enrolled secret of `name`, confirmed with the code of the fixture's current step.
    static func enrolAndConfirm(_ fixture: StaffFixture, _ name: String) throws -> TOTPSecret {
        let enrolment = try fixture.staff.enrolTOTP(named: name, issuer: "Garage Test")
        guard let secret = TOTPSecret(base32: enrolment.base32) else { throw TOTPSupportError() }
        try fixture.staff.confirmTOTP(named: name, code: code(secret, step: TOTPSecret.step(at: fixture.clock.now)))
        return secret
    }

    struct TOTPSupportError: Error {}
}
