import Foundation
@testable import StaffAccess
import Store
import Testing

@Suite struct SessionTests {
    @Test func aSessionEndsAfterThirtyIdleMinutes() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        let new = try fixture.staff.signIn(name: "Marie", password: "correct horse")
        fixture.clock.advance(29 * 60)
        #expect(try fixture.staff.session(id: new.id) != nil)  // used: the idle time starts again
        fixture.clock.advance(29 * 60)
        #expect(try fixture.staff.session(id: new.id) != nil)
        fixture.clock.advance(30 * 60)
        #expect(try fixture.staff.session(id: new.id) == nil)
        fixture.clock.advance(-30 * 60)
        #expect(try fixture.staff.session(id: new.id) == nil)  // forgotten, not only refused
    }

    @Test func aSessionEndsTwelveHoursAfterSignInHoweverBusy() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        let new = try fixture.staff.signIn(name: "Marie", password: "correct horse")
        for _ in 0..<47 {
            fixture.clock.advance(15 * 60)
            #expect(try fixture.staff.session(id: new.id) != nil)
        }
        fixture.clock.advance(15 * 60)  // 12 hours
        #expect(try fixture.staff.session(id: new.id) == nil)
    }

    @Test func signingOutEndsOnlyThatSession() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        let phone = try fixture.staff.signIn(name: "Marie", password: "correct horse")
        let desk = try fixture.staff.signIn(name: "Marie", password: "correct horse")
        try fixture.staff.signOut(sessionID: phone.id)
        #expect(try fixture.staff.session(id: phone.id) == nil)
        #expect(try fixture.staff.session(id: desk.id) != nil)
        try fixture.staff.signOut(sessionID: "not a session")  // nothing to do, no error
    }

    @Test(arguments: ["", "short", String(repeating: "A", count: 43), String(repeating: "A", count: 42) + "!"])
    func unknownOrMalformedIdsHaveNoSession(_ id: String) throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        _ = try fixture.staff.signIn(name: "Marie", password: "correct horse")
        #expect(try fixture.staff.session(id: id) == nil)
    }

    @Test func theLedgerKeepsOnlyDigestsOfSessionIds() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        let new = try fixture.staff.signIn(name: "Marie", password: "correct horse")
        #expect(try fixture.ledger.staffRead { tables throws(StoreError) in try tables.session(idDigest: new.id) } == nil)
        #expect(try fixture.ledger.staffRead { tables throws(StoreError) in try tables.session(idDigest: SecretToken.digest(new.id)) } != nil)
    }

    @Test func anotherProcessSeesTheSession() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        let new = try fixture.staff.signIn(name: "Marie", password: "correct horse")
        #expect(try fixture.reopened().session(id: new.id)?.member.name == "Marie")
    }

    @Test func theSessionsCSRFTokenIsCheckedExactly() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        let session = try fixture.staff.signIn(name: "Marie", password: "correct horse").session
        let other = try fixture.staff.signIn(name: "Marie", password: "correct horse").session
        #expect(session.accepts(csrfToken: session.csrfToken))
        #expect(!session.accepts(csrfToken: nil))
        #expect(!session.accepts(csrfToken: ""))
        #expect(!session.accepts(csrfToken: other.csrfToken))
        #expect(!session.accepts(csrfToken: String(session.csrfToken.dropLast())))
        #expect(!session.accepts(csrfToken: session.csrfToken + "x"))
    }

    @Test func theSessionKeepsItsCSRFTokenAcrossRequests() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        let new = try fixture.staff.signIn(name: "Marie", password: "correct horse")
        fixture.clock.advance(120)
        #expect(try fixture.staff.session(id: new.id)?.csrfToken == new.session.csrfToken)
    }

    @Test func theLanguageFollowsTheAccount() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        let new = try fixture.staff.signIn(name: "Marie", password: "correct horse")
        try fixture.staff.setLanguage(named: "Marie", to: .en)
        #expect(try fixture.staff.session(id: new.id)?.member.language == .en)
    }
}
