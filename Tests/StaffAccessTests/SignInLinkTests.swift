import Foundation
@testable import StaffAccess
import Store
import Testing

@Suite struct SignInLinkTests {
    @Test func aLinkSignsInTheFirstOwnerOnce() throws {
        let fixture = try StaffFixture()
        try fixture.add("Jean")
        try fixture.add("Marie", .owner)
        fixture.clock.advance(1)
        try fixture.add("Luc", .owner)
        let link = try #require(try fixture.staff.issueSignInLink())
        #expect(link.ownerName == "Marie")
        #expect(link.expiresAt == fixture.clock.now.addingTimeInterval(600))
        let new = try fixture.staff.redeemSignInLink(link.token)
        #expect(new.session.member.name == "Marie")
        #expect(throws: StaffError.signInFailed) { try fixture.staff.redeemSignInLink(link.token) }
    }

    @Test func aLinkExpiresAfterTenMinutesAndIsThenGone() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie", .owner)
        let late = try #require(try fixture.staff.issueSignInLink())
        let inTime = try #require(try fixture.staff.issueSignInLink())
        fixture.clock.advance(599)
        _ = try fixture.staff.redeemSignInLink(inTime.token)
        fixture.clock.advance(1)
        #expect(throws: StaffError.signInFailed) { try fixture.staff.redeemSignInLink(late.token) }
        fixture.clock.advance(-10)
        #expect(throws: StaffError.signInFailed) { try fixture.staff.redeemSignInLink(late.token) }
    }

    @Test func noOwnerNoLink() throws {
        let fixture = try StaffFixture()
        #expect(try fixture.staff.issueSignInLink() == nil)
        try fixture.add("Jean")
        #expect(try fixture.staff.issueSignInLink() == nil)
    }

    @Test func removingTheOwnerVoidsTheirLink() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie", .owner)
        fixture.clock.advance(1)
        try fixture.add("Luc", .owner)
        let link = try #require(try fixture.staff.issueSignInLink())
        try fixture.staff.removeAccount(named: "Marie")
        #expect(throws: StaffError.signInFailed) { try fixture.staff.redeemSignInLink(link.token) }
    }

    @Test func theLedgerKeepsOnlyTheLinksDigest() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie", .owner)
        let link = try #require(try fixture.staff.issueSignInLink())
        #expect(try fixture.ledger.staffWrite { tables throws(StoreError) in try tables.takeSignInLink(tokenDigest: link.token) } == nil)
        _ = try fixture.staff.redeemSignInLink(link.token)
    }

    @Test(arguments: ["", "nope", String(repeating: "A", count: 43)])
    func madeUpTokensFail(_ token: String) throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie", .owner)
        _ = try fixture.staff.issueSignInLink()
        #expect(throws: StaffError.signInFailed) { try fixture.staff.redeemSignInLink(token) }
    }
}
