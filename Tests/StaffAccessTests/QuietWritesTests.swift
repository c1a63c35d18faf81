import Billing
import Foundation
@testable import StaffAccess
import Store
import Testing

/// A running server rebuilds the site when the ledger's change counter moves; staff and
/// sign-in writes change no page, so they must leave it alone.
@Suite struct QuietWritesTests {
    @Test func staffWritesLeaveTheChangeCounterAlone() throws {
        let fixture = try StaffFixture()
        let before = try fixture.ledger.changeVersion()
        try fixture.add("Marie", .owner)
        try fixture.add("Jean")
        let new = try fixture.staff.signIn(name: "Jean", password: "correct horse")
        #expect(throws: StaffError.signInFailed) { try fixture.staff.signIn(name: "Jean", password: "nope nope") }
        #expect(throws: StaffError.signInFailed) { try fixture.staff.signIn(name: "Nobody", password: "nope nope") }
        fixture.clock.advance(120)
        _ = try fixture.staff.session(id: new.id)  // notes the use: a write
        let link = try #require(try fixture.staff.issueSignInLink())
        _ = try fixture.staff.redeemSignInLink(link.token)
        try fixture.staff.setLanguage(named: "Jean", to: .en)
        try fixture.staff.setPassword(named: "Jean", to: "battery staple")
        try fixture.staff.signOut(sessionID: new.id)
        try fixture.staff.removeAccount(named: "Jean")
        #expect(try fixture.ledger.changeVersion() == before)
    }

    /// The counter is not simply frozen: a request change still moves it.
    @Test func requestWritesStillMoveIt() throws {
        let fixture = try StaffFixture()
        let before = try fixture.ledger.changeVersion()
        _ = try fixture.ledger.createRequest(reference: try .init("R-1"), amount: .init(minorUnits: 100, currency: .cad),
                                             customerName: "Marie", customerPhone: try .init("514 555 0123"), at: fixture.clock.now)
        #expect(try fixture.ledger.changeVersion() != before)
    }
}
