import Foundation
@testable import StaffAccess
import Store
import Testing

/// Signing in with a second factor, on a clock the tests move: the code step, the window of one
/// step either side, codes used once, wrong codes toward the lockout, the 5-minute pending step.
@Suite struct TwoFactorSignInTests {
    static func pending(_ fixture: StaffFixture, _ name: String = "Marie") throws -> PendingSignIn {
        guard case .needsCode(let pending) = try fixture.staff.beginSignIn(name: name, password: "correct horse") else {
            throw TOTPSupport.TOTPSupportError()
        }
        return pending
    }

    @Test func withoutASecondFactorThePasswordStartsASession() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        guard case .signedIn = try fixture.staff.beginSignIn(name: "Marie", password: "correct horse") else {
            Issue.record("expected a session")
            return
        }
        // Set up but not confirmed: still the password only.
        _ = try fixture.staff.enrolTOTP(named: "Marie", issuer: "Garage Test")
        #expect(try fixture.staff.twoFactorState(named: "Marie") == .pending)
        guard case .signedIn = try fixture.staff.beginSignIn(name: "Marie", password: "correct horse") else {
            Issue.record("an unconfirmed second factor must not be asked for")
            return
        }
    }

    @Test func theRightCodeSignsInAndTheSameCodeNeverAgain() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        let secret = try TOTPSupport.enrolAndConfirm(fixture, "Marie")
        #expect(try fixture.staff.twoFactorState(named: "Marie") == .on)
        fixture.clock.advance(30)
        let step = TOTPSecret.step(at: fixture.clock.now)
        let first = try Self.pending(fixture)
        #expect(try fixture.staff.pendingSignIn(id: first.id)?.name == "Marie")
        let session = try fixture.staff.finishSignIn(pendingID: first.id, code: TOTPSupport.code(secret, step: step))
        #expect(try fixture.staff.session(id: session.id)?.member.name == "Marie")
        #expect(try fixture.staff.pendingSignIn(id: first.id) == nil, "the pending step is used up")
        // The same code (its step is used) in a new sign-in: refused.
        let second = try Self.pending(fixture)
        #expect(throws: StaffError.signInFailed) { try fixture.staff.finishSignIn(pendingID: second.id, code: TOTPSupport.code(secret, step: step)) }
        // The plain password sign-in never gets past a second factor.
        #expect(throws: StaffError.signInFailed) { try fixture.staff.signIn(name: "Marie", password: "correct horse") }
    }

    /// One step either side is accepted (a phone's clock a little off); two are not.
    @Test(arguments: [(-2, false), (-1, true), (0, true), (1, true), (2, false)])
    func theWindowIsOneStepEitherSide(_ offset: Int64, _ accepted: Bool) throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        let secret = try TOTPSupport.enrolAndConfirm(fixture, "Marie")
        fixture.clock.advance(10 * 60)  // well past the confirming code's step
        let step = TOTPSecret.step(at: fixture.clock.now)
        let pending = try Self.pending(fixture)
        let code = TOTPSupport.code(secret, step: step + offset)
        if accepted {
            _ = try fixture.staff.finishSignIn(pendingID: pending.id, code: code)
        } else {
            #expect(throws: StaffError.signInFailed) { try fixture.staff.finishSignIn(pendingID: pending.id, code: code) }
        }
    }

    @Test func wrongCodesCountTowardTheLockoutAndTheLockEndsThePendingStep() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        let secret = try TOTPSupport.enrolAndConfirm(fixture, "Marie")
        fixture.clock.advance(60)
        let pending = try Self.pending(fixture)
        let right = TOTPSupport.code(secret, step: TOTPSecret.step(at: fixture.clock.now))
        let wrong = right == "000000" ? "111111" : "000000"
        for _ in 1...4 {
            #expect(throws: StaffError.signInFailed) { try fixture.staff.finishSignIn(pendingID: pending.id, code: wrong) }
        }
        #expect(try fixture.staff.pendingSignIn(id: pending.id) != nil, "four wrong codes: may try again")
        #expect(throws: StaffError.signInFailed) { try fixture.staff.finishSignIn(pendingID: pending.id, code: wrong) }
        #expect(try fixture.staff.accounts()[0].lockedUntil != nil)
        #expect(try fixture.staff.pendingSignIn(id: pending.id) == nil)
        #expect(throws: StaffError.signInFailed) { try fixture.staff.finishSignIn(pendingID: pending.id, code: right) }
        // Locked: the password step fails too, the same way.
        #expect(throws: StaffError.signInFailed) { try fixture.staff.beginSignIn(name: "Marie", password: "correct horse") }
    }

    @Test func thePendingStepExpiresAfterFiveMinutes() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        let secret = try TOTPSupport.enrolAndConfirm(fixture, "Marie")
        fixture.clock.advance(60)
        let pending = try Self.pending(fixture)
        #expect(pending.expiresAt == fixture.clock.now.addingTimeInterval(5 * 60))
        fixture.clock.advance(5 * 60)
        #expect(try fixture.staff.pendingSignIn(id: pending.id) == nil)
        let code = TOTPSupport.code(secret, step: TOTPSecret.step(at: fixture.clock.now))
        #expect(throws: StaffError.signInFailed) { try fixture.staff.finishSignIn(pendingID: pending.id, code: code) }
    }

    @Test func enrolmentRules() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        #expect(throws: StaffError.unknownAccount(name: "Nobody")) { try fixture.staff.enrolTOTP(named: "Nobody", issuer: "X") }
        #expect(throws: StaffError.twoFactorNotEnrolled(name: "Marie")) { try fixture.staff.confirmTOTP(named: "Marie", code: "123456") }
        let first = try fixture.staff.enrolTOTP(named: "marie", issuer: "Garage Test")
        #expect(first.name == "Marie")
        #expect(first.uri.contains("secret=\(first.base32)"))
        // Enrolling again before confirming gives a new secret; the old one's codes no longer confirm.
        let second = try fixture.staff.enrolTOTP(named: "Marie", issuer: "Garage Test")
        #expect(second.base32 != first.base32)
        let old = try #require(TOTPSecret(base32: first.base32))
        let step = TOTPSecret.step(at: fixture.clock.now)
        if old.code(step: step) != TOTPSecret(base32: second.base32)?.code(step: step) {
            #expect(throws: StaffError.wrongCode(name: "Marie")) { try fixture.staff.confirmTOTP(named: "Marie", code: TOTPSupport.code(old, step: step)) }
        }
        let new = try #require(TOTPSecret(base32: second.base32))
        try fixture.staff.confirmTOTP(named: "Marie", code: TOTPSupport.code(new, step: step))
        #expect(throws: StaffError.twoFactorAlreadyOn(name: "Marie")) { try fixture.staff.enrolTOTP(named: "Marie", issuer: "X") }
    }

    @Test func aResetTurnsItOffAndEndsSessionsButTheOneKept() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie", .owner)
        let secret = try TOTPSupport.enrolAndConfirm(fixture, "Marie")
        fixture.clock.advance(30)
        var sessions: [NewSession] = []
        for _ in 0..<2 {
            fixture.clock.advance(30)
            let pending = try Self.pending(fixture)
            sessions.append(try fixture.staff.finishSignIn(pendingID: pending.id, code: TOTPSupport.code(secret, step: TOTPSecret.step(at: fixture.clock.now))))
        }
        #expect(try fixture.staff.resetTOTP(named: "Marie", keeping: sessions[0].id) == 1)
        #expect(try fixture.staff.session(id: sessions[0].id) != nil)
        #expect(try fixture.staff.session(id: sessions[1].id) == nil)
        #expect(try fixture.staff.twoFactorState(named: "Marie") == .off)
        guard case .signedIn = try fixture.staff.beginSignIn(name: "Marie", password: "correct horse") else {
            Issue.record("after a reset the password alone signs in")
            return
        }
        #expect(throws: StaffError.twoFactorNotEnrolled(name: "Marie")) { try fixture.staff.resetTOTP(named: "Marie") }
    }

    @Test func theSecondFactorGoesWithTheAccountIntoANewLedgerAndAwayWithIt() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie", .owner)
        try fixture.add("Luc")
        _ = try TOTPSupport.enrolAndConfirm(fixture, "Luc")
        let snapshot = try StaffSnapshot.take(from: fixture.ledger)
        let other = try StaffFixture()
        try snapshot.restore(into: other.ledger)
        #expect(try other.staff.twoFactorState(named: "Luc") == .on)
        #expect(try other.staff.accounts().map(\.twoFactor) == [.off, .on])
        try fixture.staff.removeAccount(named: "Luc")
        try fixture.add("Luc")
        #expect(try fixture.staff.twoFactorState(named: "Luc") == .off, "a removed account's secret went with it")
    }
}
