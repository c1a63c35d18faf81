import Billing
import Foundation
import Messaging
@testable import Operations
import Store
import Testing

@Suite("Consistency between records, ledger and texts")
struct ConsistencyTests {
    @Test("register never re-texts the payment link of a paid or voided request", arguments: [RequestStatus.paid, .voided])
    func registerDoesNotResendClosed(state: RequestStatus) throws {
        let ws = try TestWorkspace()
        try ws.quick("RO-5001")
        if state == .paid { try ws.payCash("RO-5001") } else { _ = try ws.service.void("RO-5001", reason: nil) }
        let before = try ws.outbox()
        _ = try? ws.service.register("RO-5001", send: true, reply: nil)
        let after = try ws.outbox()
        #expect(after.filter { $0.kind == "request" }.count == before.filter { $0.kind == "request" }.count,
                "a \(state.rawValue) request was texted its payment link again: \(after.last?.body ?? "")")
    }

    @Test("an invoice file naming another business: the text, link and overview are that business's")
    func invoiceFileBusiness() throws {
        let ws = try TestWorkspace()
        let file = try ws.writeFile("velo.json", """
        {"business": "velo-laurier", "lines": [{"description": "Tune-up", "quantity": "1", "unitPrice": "100.00"}]}
        """)
        let created = try ws.service.create(NewRequest(reference: "VL-7001", customerName: "Luc", phone: "514-555-0177", invoiceFile: file))
        #expect(created.message.text.hasPrefix("Vélo Laurier"), "text: \(created.message.text)")
        #expect(try ws.service.overview("VL-7001").business == "Vélo Laurier")
        #expect(try ws.payCash("VL-7001").receiptNumber == 1)
        #expect(try ws.paidEvents("VL-7001").first?.snapshot.businessKey == "velo-laurier")
    }

    @Test("after an open request's record is edited, list and show agree on the amount, and pay charges it")
    func listAndShowAgree() throws {
        let ws = try TestWorkspace()
        try ws.quick("RO-5001", amount: "125.00")
        try ws.writeRecord("RO-5001", #"{"reference": "RO-5001", "customer": {"name": "Marie Tremblay", "phone": "514-555-0100"}, "amount": "150.00"}"#)
        let shown = try ws.service.overview("RO-5001")
        let listed = try #require(try ws.service.list().first)
        #expect(shown.amountDue == cad(15_000))
        #expect(listed.amountDue == shown.amountDue, "list says \(listed.amountDue.decimalString), show says \(shown.amountDue.decimalString)")
        #expect(try ws.payCash("RO-5001").amount == cad(15_000))
    }

    @Test("an idempotent pay retried returns the first result and records one payment")
    func idempotentPay() throws {
        let ws = try TestWorkspace()
        try ws.quick("RO-5001")
        let method = PaymentMethod(kind: .card, cardBrand: "Visa", last4: "4242")
        let first = try ws.service.pay("RO-5001", method: method, authorizationCode: "AAA111", idempotencyKey: "k")
        let second = try ws.service.pay("RO-5001", method: method, authorizationCode: "BBB222", idempotencyKey: "k")
        #expect(first == second)
        #expect(try ws.paidEvents("RO-5001").count == 1)
    }
}
