import Billing
import Foundation
import Messaging
@testable import Operations
import Store
import Testing

/// `paypage message receive`: every reply is kept for the customer's conversation (card numbers
/// masked); STOP/ARRET also opts the number out, in the same transaction.
struct InboundRepliesTests {
    @Test("a reply is stored, masked; STOP stores it and opts out; texts then stop", arguments: ["STOP", "Arrêt!", "desabonner"])
    func replies(stop: String) throws {
        let ws = try TestWorkspace()
        try ws.quick("RO-5001", phone: "514-555-0100")
        let plain = try ws.service.receiveReply(from: "(514) 555-0100", text: "  Ma carte: 4111 1111 1111 1111  ")
        #expect(plain == ReceivedReply(phone: try PhoneNumber("+15145550100"), text: "Ma carte: •••• 1111", optedOut: false))
        #expect(try ws.ledger.isOptedOut(phone: PhoneNumber("+15145550100")) == false)
        let stopped = try ws.service.receiveReply(from: "+15145550100", text: stop)
        #expect(stopped.optedOut)
        let stored = try ws.ledger.inbound(from: PhoneNumber("+15145550100"))
        #expect(stored.map(\.body) == ["Ma carte: •••• 1111", stop])
        #expect(stored.map(\.optOut) == [false, true])
        #expect(try ws.ledger.isOptedOut(phone: PhoneNumber("+15145550100")))
        let before = try ws.outbox()
        #expect(throws: OperationError.self) { _ = try ws.service.sendLink("RO-5001", reply: nil) }
        #expect(try ws.outbox() == before)
    }

    @Test("an empty reply or a bad number is refused and nothing is stored", arguments: [("514-555-0100", "   "), ("not a phone", "Hello")])
    func refused(phone: String, text: String) throws {
        let ws = try TestWorkspace()
        #expect(throws: OperationError.self) { _ = try ws.service.receiveReply(from: phone, text: text) }
        #expect(try ws.ledger.inbound(from: PhoneNumber("+15145550100")).isEmpty)
    }
}
