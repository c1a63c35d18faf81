import Billing
import Foundation
@testable import Operations
import Store
import Testing

/// Every event records who caused it, and `request show`'s history names them.
@Suite struct ActorTests {
    @Test func theDefaultActorIsTheSystemUser() throws {
        let ws = try TestWorkspace()
        #expect(ws.service.actor == .systemUser(name: SystemUser.name))
        #expect(!SystemUser.name.isEmpty)
    }

    @Test func eachOperationRecordsItsActor() throws {
        let ws = try TestWorkspace()
        let marie = ws.service.acting(as: .staff(name: "Marie"))
        _ = try marie.create(NewRequest(reference: "R-1", customerName: "Hélène Roy", phone: "514-555-0100", amount: "40.00", send: true))
        _ = try ws.service.acting(as: .customer).pay("R-1", method: PaymentMethod(kind: .card, cardBrand: "Visa", last4: "4242"),
                                                      authorizationCode: "AB12CD")
        _ = try ws.service.acting(as: .staff(name: "Luc")).refund("R-1", amount: "10.00", reason: nil)
        try ws.quick("R-2", send: false)
        _ = try ws.service.acting(as: .demo).remind("R-2")
        _ = try marie.rotateLink("R-2")
        _ = try marie.void("R-2", reason: nil)

        let first = try ws.entries("R-1").map { "\($0.event.kind) \($0.actor?.displayName ?? "-")" }
        #expect(first.contains("requested Marie"))
        #expect(first.contains("message_sent Marie"))
        #expect(first.contains("paid the customer"))
        #expect(first.contains("refunded Luc"))
        #expect(first.contains("message_sent Luc"))  // the refund notice, sent by whoever refunded
        let second = try ws.entries("R-2").map { "\($0.event.kind) \($0.actor?.displayName ?? "-")" }
        #expect(second.first == "requested \(SystemUser.name) (command line)")
        #expect(second.contains("reminded demo"))
        #expect(second.contains("link_rotated Marie"))
        #expect(second.last == "voided Marie")
    }

    @Test func theHistorySaysWhoDidIt() throws {
        let ws = try TestWorkspace()
        try ws.quick("R-1", amount: "40.00", send: false)
        _ = try ws.service.acting(as: .staff(name: "Marie")).markPaid("R-1", method: .cash)
        let history = try ws.service.overview("R-1").history
        #expect(history.first?.by == "\(SystemUser.name) (command line)")
        let paid = try #require(history.first { $0.text.hasPrefix("paid 40.00 CAD") })
        #expect(paid.by == "Marie")
    }

    @Test func recordsFoundInRecordsAreRegisteredByTheImport() throws {
        let ws = try TestWorkspace()
        try ws.writeRecord("RO-9", """
        {"reference": "RO-9", "customer": {"name": "Hélène Roy", "phone": "514-555-0123"}, "amount": "10.00"}
        """)
        _ = try ws.service.acting(as: .staff(name: "Marie")).syncRecords()
        #expect(try ws.entries("RO-9").map(\.actor) == [.importer])
    }

    @Test func theDemoClockKeepsTheActor() throws {
        let ws = try TestWorkspace()
        #expect(ws.service.acting(as: .demo).at(When.start).actor == .demo)
    }
}
