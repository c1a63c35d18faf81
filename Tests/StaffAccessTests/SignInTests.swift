import Foundation
@testable import StaffAccess
import Store
import Testing

@Suite struct SignInTests {
    @Test func theRightPasswordStartsASession() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie", .owner)
        let new = try fixture.staff.signIn(name: " marie ", password: "correct horse")
        #expect(new.session.member.name == "Marie")
        #expect(SecretToken.isWellFormed(new.id))
        #expect(SecretToken.isWellFormed(new.session.csrfToken))
        #expect(new.id != new.session.csrfToken)
        #expect(try fixture.staff.session(id: new.id)?.member.name == "Marie")
    }

    /// Unknown, wrong, malformed and locked answers are one and the same failure.
    @Test(arguments: [("Marie", "wrong password"), ("Nobody", "correct horse"), ("", ""), ("Marie", String(repeating: "x", count: 500))])
    func everyFailureLooksTheSame(_ name: String, _ password: String) throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        #expect(throws: StaffError.signInFailed) { try fixture.staff.signIn(name: name, password: password) }
    }

    @Test func fiveWrongPasswordsLockTheNameForFifteenMinutes() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        for attempt in 1...5 {
            if attempt > 1 { fixture.clock.advance(10) }
            #expect(throws: StaffError.signInFailed) { try fixture.staff.signIn(name: "Marie", password: "wrong password") }
        }
        let fifth = fixture.clock.now
        // Locked: even the right password fails, the same way.
        #expect(throws: StaffError.signInFailed) { try fixture.staff.signIn(name: "Marie", password: "correct horse") }
        #expect(try fixture.staff.accounts()[0].lockedUntil == fifth.addingTimeInterval(15 * 60))
        fixture.clock.advance(15 * 60 - 1)
        #expect(throws: StaffError.signInFailed) { try fixture.staff.signIn(name: "MARIE", password: "correct horse") }
        fixture.clock.advance(1)  // 15 minutes after the fifth failure
        _ = try fixture.staff.signIn(name: "Marie", password: "correct horse")
        #expect(try fixture.staff.accounts()[0].lockedUntil == nil)
    }

    @Test func fourWrongPasswordsThenTheRightOneSignInAndStartTheCountAgain() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        for _ in 1...4 { #expect(throws: StaffError.signInFailed) { try fixture.staff.signIn(name: "Marie", password: "nope nope") } }
        _ = try fixture.staff.signIn(name: "Marie", password: "correct horse")
        for _ in 1...4 { #expect(throws: StaffError.signInFailed) { try fixture.staff.signIn(name: "Marie", password: "nope nope") } }
        _ = try fixture.staff.signIn(name: "Marie", password: "correct horse")
    }

    @Test func failuresOlderThanTheLockDurationAreForgotten() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        for _ in 1...4 { #expect(throws: StaffError.signInFailed) { try fixture.staff.signIn(name: "Marie", password: "nope nope") } }
        fixture.clock.advance(16 * 60)
        #expect(throws: StaffError.signInFailed) { try fixture.staff.signIn(name: "Marie", password: "nope nope") }
        _ = try fixture.staff.signIn(name: "Marie", password: "correct horse")
    }

    /// Unknown names are counted like known ones: an attacker cannot tell them apart by the
    /// lock either, and each failure costs the same write.
    @Test func unknownNamesAreLockedToo() throws {
        let fixture = try StaffFixture()
        for _ in 1...5 { #expect(throws: StaffError.signInFailed) { try fixture.staff.signIn(name: "Ghost", password: "whatever1") } }
        let failure = try fixture.ledger.staffRead { tables throws(StoreError) in try tables.signInFailure(nameKey: "ghost") }
        #expect(failure?.lockedUntil == fixture.clock.now.addingTimeInterval(15 * 60))
        // The name is then created: it starts clean.
        try fixture.add("Ghost", password: "whatever1")
        _ = try fixture.staff.signIn(name: "Ghost", password: "whatever1")
    }

    @Test func attemptsWhileLockedDoNotExtendTheLock() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        for _ in 1...5 { #expect(throws: StaffError.signInFailed) { try fixture.staff.signIn(name: "Marie", password: "nope nope") } }
        for _ in 1...10 {
            fixture.clock.advance(60)
            #expect(throws: StaffError.signInFailed) { try fixture.staff.signIn(name: "Marie", password: "nope nope") }
        }
        fixture.clock.advance(5 * 60)
        _ = try fixture.staff.signIn(name: "Marie", password: "correct horse")
    }

    @Test func aNewPasswordClearsTheLockAndEndsSessions() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        let first = try fixture.staff.signIn(name: "Marie", password: "correct horse")
        let second = try fixture.staff.signIn(name: "Marie", password: "correct horse")
        for _ in 1...5 { #expect(throws: StaffError.signInFailed) { try fixture.staff.signIn(name: "Marie", password: "nope nope") } }
        #expect(try fixture.staff.setPassword(named: "marie", to: "battery staple") == 2)
        #expect(try fixture.staff.session(id: first.id) == nil)
        #expect(try fixture.staff.session(id: second.id) == nil)
        #expect(throws: StaffError.signInFailed) { try fixture.staff.signIn(name: "Marie", password: "correct horse") }
        _ = try fixture.staff.signIn(name: "Marie", password: "battery staple")
    }

    @Test func asyncSignInRunsTheSameRules() async throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        let new = try await fixture.staff.signIn(name: "Marie", password: "correct horse")
        #expect(try await fixture.staff.session(id: new.id)?.member.name == "Marie")
        await #expect(throws: StaffError.signInFailed) { try await fixture.staff.signIn(name: "Marie", password: "nope nope") }
        try await fixture.staff.signOut(sessionID: new.id)
        #expect(try await fixture.staff.session(id: new.id) == nil)
    }

    @Test func theDummyHashIsARealCostTwelveHash() {
        // A malformed dummy would make bcrypt return at once, and unknown names answer faster.
        let hash = PasswordHasher.dummyHashCost12
        #expect(hash.hasPrefix("$2b$12$"))
        #expect(hash.count == 60)
        #expect(PasswordHasher(cost: 4).dummyHash.hasPrefix("$2b$04$"))
        #expect(!PasswordHasher(cost: 4).verifyDummy("anything"))
    }
}
