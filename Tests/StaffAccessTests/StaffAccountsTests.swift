import Billing
import Foundation
@testable import StaffAccess
import Store
import Testing

@Suite struct StaffAccountsTests {
    @Test func addsAndListsAccountsOldestFirst() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie", .owner)
        fixture.clock.advance(1)
        try fixture.staff.addAccount(name: "  Jean-Luc  ", role: .clerk, language: .en, password: "12345678")
        let accounts = try fixture.staff.accounts()
        #expect(accounts.map(\.member.name) == ["Marie", "Jean-Luc"])
        #expect(accounts.map(\.member.role) == [.owner, .clerk])
        #expect(accounts.map(\.member.language) == [.fr, .en])
        #expect(accounts.allSatisfy { $0.lockedUntil == nil && $0.openSessions == 0 })
    }

    @Test(arguments: ["marie", "MARIE", " Marie "])
    func namesAreUniqueIgnoringCase(_ other: String) throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        #expect(throws: StaffError.nameTaken(name: other.trimmingCharacters(in: .whitespaces))) { try fixture.add(other) }
    }

    @Test func accentedNamesCompareInCanonicalFormIgnoringCase() throws {
        let fixture = try StaffFixture()
        try fixture.add("Hélène")
        // "e" + combining acute accent, upper case: the same person.
        #expect(throws: StaffError.self) { try fixture.add("HE\u{301}LE\u{300}NE") }
        #expect(try fixture.staff.account(named: "hélène")?.name == "Hélène")
    }

    @Test(arguments: [
        ("", StaffError.NameProblem.empty),
        ("Marie<script>", .character("<")),
        ("a/b", .character("/")),
        (String(repeating: "x", count: 65), .tooLong(characters: 65, limit: 64)),
    ])
    func refusesBadNames(_ name: String, _ problem: StaffError.NameProblem) throws {
        let fixture = try StaffFixture()
        let error = #expect(throws: StaffError.self) { try fixture.add(name) }
        guard case .invalidName(_, let found) = error else { Issue.record("not a name error: \(String(describing: error))"); return }
        #expect(found == problem)
        #expect(try fixture.staff.accounts().isEmpty)
    }

    @Test(arguments: [
        ("1234567", StaffError.PasswordProblem.tooShort(bytes: 7, minimum: 8)),
        (String(repeating: "p", count: 73), .tooLong(bytes: 73, maximum: 72)),
        // Long enough in bytes (9), but with a NUL the C code would stop at.
        ("éééé\u{0}", .containsNUL),
    ])
    func refusesBadPasswords(_ password: String, _ problem: StaffError.PasswordProblem) throws {
        let fixture = try StaffFixture()
        #expect(throws: StaffError.invalidPassword(problem)) { try fixture.add("Marie", password: password) }
        #expect(try fixture.staff.accounts().isEmpty)
    }

    @Test func passwordLimitsAreInBytesInclusive() throws {
        let fixture = try StaffFixture()
        try fixture.add("Eight", password: "éééé")  // 4 characters, 8 bytes
        try fixture.add("SeventyTwo", password: String(repeating: "é", count: 36))  // 72 bytes
        _ = try fixture.staff.signIn(name: "SeventyTwo", password: String(repeating: "é", count: 36))
    }

    @Test func storesABcryptHashNeverThePassword() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie", password: "correct horse")
        let rows = try fixture.ledger.staffRead { tables throws(StoreError) in try tables.accounts() }
        #expect(rows.count == 1)
        #expect(rows[0].passwordHash.hasPrefix("$2b$04$"))
        #expect(!rows[0].passwordHash.contains("correct horse"))
    }

    @Test func theLastOwnerCannotBeRemoved() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie", .owner)
        try fixture.add("Jean")
        #expect(throws: StaffError.lastOwner(name: "Marie")) { try fixture.staff.removeAccount(named: "marie") }
        try fixture.staff.removeAccount(named: "Jean")
        try fixture.add("Luc", .owner)
        try fixture.staff.removeAccount(named: "Marie")
        #expect(try fixture.staff.accounts().map(\.member.name) == ["Luc"])
        #expect(throws: StaffError.lastOwner(name: "Luc")) { try fixture.staff.removeAccount(named: "Luc") }
    }

    @Test func unknownNamesAreReported() throws {
        let fixture = try StaffFixture()
        #expect(throws: StaffError.unknownAccount(name: "Nobody")) { try fixture.staff.removeAccount(named: "Nobody") }
        #expect(throws: StaffError.unknownAccount(name: "Nobody")) { try fixture.staff.setPassword(named: "Nobody", to: "12345678") }
        #expect(throws: StaffError.unknownAccount(name: "Nobody")) { try fixture.staff.setLanguage(named: "Nobody", to: .en) }
    }

    @Test func removingEndsSessionsAndFreesTheName() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie", .owner)
        try fixture.add("Jean")
        let session = try fixture.staff.signIn(name: "Jean", password: "correct horse")
        #expect(try fixture.staff.removeAccount(named: "JEAN") == 1)
        #expect(try fixture.staff.session(id: session.id) == nil)
        try fixture.add("Jean", password: "another one")
        #expect(throws: StaffError.signInFailed) { try fixture.staff.signIn(name: "Jean", password: "correct horse") }
    }

    @Test func ensureOwnerAddsOneOnlyWhenThereIsNone() throws {
        let fixture = try StaffFixture()
        try fixture.add("Jean")
        let demo = try fixture.staff.ensureOwner(named: "demo", language: .fr)
        #expect(demo?.role == .owner)
        #expect(try fixture.staff.ensureOwner(named: "demo", language: .fr) == nil)
        #expect(try fixture.staff.firstOwner()?.name == "demo")
        #expect(try fixture.staff.accounts().count == 2)
    }

    @Test func aSnapshotCarriesAccountsWithTheirPasswordsIntoAnotherLedger() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie", .owner, password: "marie's secret")
        let snapshot = try StaffSnapshot.take(from: fixture.ledger)
        let other = try StaffFixture()
        try other.add("Jean")
        try snapshot.restore(into: other.ledger)
        try snapshot.restore(into: other.ledger)  // twice changes nothing
        #expect(try other.staff.accounts().map(\.member.name).sorted() == ["Jean", "Marie"])
        _ = try other.staff.signIn(name: "Marie", password: "marie's secret")
    }

    @Test func languageCanBeChanged() throws {
        let fixture = try StaffFixture()
        try fixture.add("Marie")
        try fixture.staff.setLanguage(named: "marie", to: .en)
        #expect(try fixture.staff.account(named: "Marie")?.language == .en)
    }
}
