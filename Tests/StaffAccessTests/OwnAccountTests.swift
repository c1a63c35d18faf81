import Billing
import Foundation
@testable import StaffAccess
import Store
import Testing

@Suite struct OwnAccountTests {
    @Test func changingOnesOwnPasswordNeedsTheCurrentOneAndKeepsThisSession() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        let here = try fixture.staff.signIn(name: "Marie", password: "correct horse")
        let elsewhere = try fixture.staff.signIn(name: "Marie", password: "correct horse")
        #expect(throws: StaffError.wrongCurrentPassword) {
            try fixture.staff.changeOwnPassword(named: "Marie", current: "not it at all", new: "a new one here", keeping: here.id)
        }
        #expect(throws: StaffError.invalidPassword(.tooShort(bytes: 5, minimum: 8))) {
            try fixture.staff.changeOwnPassword(named: "Marie", current: "correct horse", new: "short", keeping: here.id)
        }
        #expect(try fixture.staff.changeOwnPassword(named: "Marie", current: "correct horse", new: "a new one here", keeping: here.id) == 1)
        #expect(try fixture.staff.session(id: here.id) != nil)
        #expect(try fixture.staff.session(id: elsewhere.id) == nil)
        _ = try fixture.staff.signIn(name: "Marie", password: "a new one here")
    }

    @Test func wrongCurrentPasswordsCountTowardTheLockout() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        let here = try fixture.staff.signIn(name: "Marie", password: "correct horse")
        for _ in 1...5 {
            #expect(throws: StaffError.wrongCurrentPassword) {
                try fixture.staff.changeOwnPassword(named: "Marie", current: "guess guess", new: "a new one here", keeping: here.id)
            }
        }
        #expect(try fixture.staff.accounts()[0].lockedUntil != nil)
        // Locked: even the right current password changes nothing.
        #expect(throws: StaffError.wrongCurrentPassword) {
            try fixture.staff.changeOwnPassword(named: "Marie", current: "correct horse", new: "a new one here", keeping: here.id)
        }
    }

    @Test func notificationsAreReadPerPersonUpToAnID() throws {
        let fixture = try StaffFixture()
        let marie = try fixture.add("Marie")
        let luc = try fixture.add("Luc")
        #expect(try fixture.staff.unreadNotifications(staffID: marie.id) == 0)
        let reference = try Reference("INV-1")
        _ = try fixture.ledger.createRequest(reference: reference, amount: Money(minorUnits: 12_500, currency: .cad), customerName: "Client",
                                             customerPhone: PhoneNumber("514-555-0100"), at: fixture.clock.now)
        let first = try fixture.ledger.notifyStaff(about: reference, text: "INV-1 paid", at: fixture.clock.now)
        let second = try fixture.ledger.notifyStaff(about: reference, text: "INV-1 paid again", at: fixture.clock.now)
        #expect(try fixture.ledger.latestNotificationID() == second.id)
        #expect(try fixture.ledger.notifications(after: first.id).map(\.id) == [second.id])
        #expect(try fixture.staff.unreadNotifications(staffID: marie.id) == 2)
        try fixture.staff.markNotificationsRead(staffID: marie.id, through: first.id)
        #expect(try fixture.staff.unreadNotifications(staffID: marie.id) == 1)
        try fixture.staff.markNotificationsRead(staffID: marie.id, through: second.id)
        try fixture.staff.markNotificationsRead(staffID: marie.id, through: first.id)  // never moves back
        #expect(try fixture.staff.notificationsRead(staffID: marie.id) == second.id)
        #expect(try fixture.staff.unreadNotifications(staffID: marie.id) == 0)
        #expect(try fixture.staff.unreadNotifications(staffID: luc.id) == 2, "read per person")
    }

    @Test func anOpenSessionIsCheckedWithoutKeepingItAlive() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        let new = try fixture.staff.signIn(name: "Marie", password: "correct horse")
        fixture.clock.advance(29 * 60)
        #expect(try fixture.staff.isOpen(sessionID: new.id))
        fixture.clock.advance(60)
        #expect(try !fixture.staff.isOpen(sessionID: new.id), "checking did not count as a use: idle for 30 minutes")
        #expect(try !fixture.staff.isOpen(sessionID: "not a session"))
    }
}
