import Billing
import Foundation
import Messaging
@testable import Operations
import Store
import Testing

@Suite("Pay, refund, void")
struct PaymentLifecycleTests {
    static let invoiceJSON = """
    {
      "reference": "RO-8001",
      "customer": {"name": "Hélène Roy", "phone": "514-555-0123", "language": "fr"},
      "lines": [
        {"description": "Brake pads", "quantity": "1", "unitPrice": "100.00"},
        {"description": "Labour", "quantity": "1.5", "unitPrice": "80.00"}
      ]
    }
    """

    @Test("pay keeps a snapshot; editing the record afterwards changes neither overview nor context, and check reports it")
    func paidSnapshotSurvivesEdit() throws {
        let ws = try TestWorkspace()
        try ws.writeRecord("RO-8001", Self.invoiceJSON)
        let registered = try ws.service.register("RO-8001", send: true, reply: nil)
        // 100 + 120 = 220; GST 11.00; QST 21.945 → 21.95; total 252.95
        #expect(registered.amount == cad(25_295))
        #expect(WorkspaceCheck(paths: ws.paths).run().isEmpty, "\(WorkspaceCheck(paths: ws.paths).run())")

        let result = try ws.service.pay("RO-8001", method: PaymentMethod(kind: .card, cardBrand: "Visa", last4: "4242"),
                                        authorizationCode: "AB12CD")
        #expect(result.amount == cad(25_295))
        #expect(result.receiptNumber == 1)
        #expect(try ws.status("RO-8001") == .paid)
        let payment = try #require(try ws.paidEvents("RO-8001").first)
        #expect(payment.snapshot.totals.total == cad(25_295))
        #expect(payment.snapshot.invoice.lines.count == 2)
        #expect(payment.method.last4 == "4242")
        // Not edited: check has nothing to say (a false "edited" report would be a bug).
        #expect(WorkspaceCheck(paths: ws.paths).run().isEmpty, "\(WorkspaceCheck(paths: ws.paths).run())")
        #expect(try ws.service.syncRecords().frozenChanges.isEmpty)

        // Edit the record: labour now 3 hours.
        try ws.writeRecord("RO-8001", Self.invoiceJSON.replacingOccurrences(of: "\"1.5\"", with: "\"3\""))
        let overview = try ws.service.overview("RO-8001")
        #expect(overview.amount == cad(25_295))
        #expect(overview.status == .paid)
        #expect(overview.refundable == cad(25_295))
        let context = try ws.service.context("RO-8001")
        #expect(context.totals.total == cad(25_295))
        #expect(context.invoice.lines[1].quantity.units == 15)
        #expect(try ws.service.list().first?.amount == cad(25_295))

        let problems = WorkspaceCheck(paths: ws.paths).run()
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.contains("Records/invoices/RO-8001.json") == true)
        #expect(problems.first?.contains("edited after") == true)

        // Sync reports it and leaves the ledger alone.
        let sync = try ws.service.syncRecords()
        #expect(sync.updated.isEmpty)
        #expect(sync.frozenChanges.count == 1)
        #expect(try ws.row("RO-8001")?.amount == cad(25_295))

        // Deleting the record keeps the receipt and is reported.
        try FileManager.default.removeItem(at: ws.recordURL("RO-8001"))
        #expect(try ws.service.overview("RO-8001").amount == cad(25_295))
        #expect(WorkspaceCheck(paths: ws.paths).run().first?.contains("deleted after") == true)
        // A refund still works from the snapshot.
        let refund = try ws.service.refund("RO-8001", amount: "10.00", reason: nil)
        #expect(refund.refundable == cad(24_295))
    }

    @Test("pay for the wrong amount is refused")
    func payWrongAmount() throws {
        let ws = try TestWorkspace()
        try ws.quick("RO-5001", amount: "125.00")
        let error = operationError {
            _ = try ws.service.pay("RO-5001", amount: cad(12_400), method: .offline(.cash), authorizationCode: "X")
        }
        #expect(error?.isRule == true)
        #expect(error?.description.contains("125.00") == true)
        #expect(try ws.status("RO-5001") == .open)
    }

    @Test("a voided request refuses payment (pay and mark-paid) and records nothing")
    func payVoided() throws {
        let ws = try TestWorkspace()
        try ws.quick("RO-5001")
        #expect(try ws.service.void("RO-5001", reason: "duplicate") == .voided)
        let before = try ws.ledger.allEntries()
        let e1 = operationError { _ = try ws.payCash("RO-5001") }
        let e2 = operationError {
            _ = try ws.service.pay("RO-5001", method: PaymentMethod(kind: .card, cardBrand: "Visa", last4: "4242"), authorizationCode: "A")
        }
        for error in [e1, e2] {
            #expect(error?.isRule == true)
            #expect(error?.description.contains("voided") == true, "\(String(describing: error))")
        }
        #expect(try ws.ledger.allEntries() == before)
        #expect(try ws.ledger.notifications().isEmpty)
        #expect(try ws.status("RO-5001") == .voided)
    }

    @Test("a paid request cannot be paid twice")
    func payTwice() throws {
        let ws = try TestWorkspace()
        try ws.quick("RO-5001")
        try ws.payCash("RO-5001")
        let error = operationError { _ = try ws.payCash("RO-5001") }
        #expect(error?.description.contains("already paid") == true)
        #expect(try ws.paidEvents("RO-5001").count == 1)
    }

    @Test("refund partially twice, then --full to zero; a further refund names what is left")
    func refundToZero() throws {
        let ws = try TestWorkspace()
        try ws.quick("RO-5001", amount: "125.00")
        try ws.payCash("RO-5001")

        let r1 = try ws.service.refund("RO-5001", amount: "25.00", reason: "goodwill")
        #expect(r1.amount == cad(2_500))
        #expect(r1.refundable == cad(10_000))
        #expect(r1.status == .partiallyRefunded)
        #expect(r1.number == 1)
        let r2 = try ws.service.refund("RO-5001", amount: "30,50", reason: nil)
        #expect(r2.refundable == cad(6_950))
        #expect(r2.status == .partiallyRefunded)
        #expect(r2.number == 2)
        #expect(try ws.service.overview("RO-5001").refundable == cad(6_950))

        // More than what is left: the message says how much is refundable.
        let over = operationError { _ = try ws.service.refund("RO-5001", amount: "70.00", reason: nil) }
        #expect(over?.isRule == true)
        #expect(over?.description.contains("only 69.50 CAD is refundable") == true, "\(String(describing: over))")

        let full = try ws.service.refund("RO-5001", amount: nil, reason: nil)
        #expect(full.amount == cad(6_950))
        #expect(full.refundable == cad(0))
        #expect(full.status == .refunded)
        #expect(try ws.status("RO-5001") == .refunded)

        let entriesBefore = try ws.ledger.allEntries()
        let after = operationError { _ = try ws.service.refund("RO-5001", amount: "0.01", reason: nil) }
        #expect(after?.isRule == true)
        #expect(after?.description.contains("nothing is left to refund") == true, "\(String(describing: after))")
        let afterFull = operationError { _ = try ws.service.refund("RO-5001", amount: nil, reason: nil) }
        #expect(afterFull?.description.contains("nothing is left to refund") == true, "\(String(describing: afterFull))")
        #expect(try ws.ledger.allEntries() == entriesBefore)

        // Each refund is a text to the customer.
        #expect(try ws.outbox().filter { $0.kind == "refund" }.count == 3)
    }

    @Test("refunding more than was paid is refused, nothing recorded", arguments: ["125.01", "1000", "125.001"])
    func refundMoreThanPaid(amount: String) throws {
        let ws = try TestWorkspace()
        try ws.quick("RO-5001", amount: "125.00")
        try ws.payCash("RO-5001")
        let error = operationError { _ = try ws.service.refund("RO-5001", amount: amount, reason: nil) }
        #expect(error != nil)
        if amount != "125.001" {
            #expect(error?.description.contains("only 125.00 CAD is refundable") == true, "\(String(describing: error))")
        }
        #expect(try ws.status("RO-5001") == .paid)
        #expect(try ws.service.overview("RO-5001").refundable == cad(12_500))
    }

    @Test("refund is refused before payment and on a voided request", arguments: [false, true])
    func refundUnpaid(voided: Bool) throws {
        let ws = try TestWorkspace()
        try ws.quick("RO-5001")
        if voided { _ = try ws.service.void("RO-5001", reason: nil) }
        let error = operationError { _ = try ws.service.refund("RO-5001", amount: "1.00", reason: nil) }
        #expect(error?.isRule == true)
        #expect(error?.description.contains(voided ? "voided" : "not paid") == true, "\(String(describing: error))")
    }

    @Test("Affirm refunds: accepted up to 120 days after payment, refused after", arguments: [
        (0, true), (119, true), (120, true), (121, false), (200, false),
    ])
    func affirmRefundWindow(days: Int, accepted: Bool) throws {
        let ws = try TestWorkspace()
        try ws.quick("VL-9001", amount: "600.00")
        let plan = try #require(AffirmPlan.offers(for: cad(60_000)).first { $0.months == 6 })
        try ws.service.pay("VL-9001", method: PaymentMethod(kind: .affirm, affirmPlan: plan), authorizationCode: "AF1234")
        ws.clock.advance(days: days)
        if accepted {
            let refund = try ws.service.refund("VL-9001", amount: "100.00", reason: nil)
            #expect(refund.refundable == cad(50_000))
        } else {
            let error = operationError { _ = try ws.service.refund("VL-9001", amount: "100.00", reason: nil) }
            #expect(error?.isRule == true)
            #expect(error?.description.contains("120 days") == true, "\(String(describing: error))")
            #expect(try ws.status("VL-9001") == .paid)
        }
    }

    @Test("Affirm refund never includes interest: at most the principal")
    func affirmRefundPrincipalOnly() throws {
        let ws = try TestWorkspace()
        try ws.quick("VL-9001", amount: "600.00")
        let plan = try #require(AffirmPlan.offers(for: cad(60_000)).first { $0.months == 12 })
        #expect(plan.totalInterest.isPositive)
        try ws.service.pay("VL-9001", method: PaymentMethod(kind: .affirm, affirmPlan: plan), authorizationCode: "AF1234")
        let full = try ws.service.refund("VL-9001", amount: nil, reason: nil)
        #expect(full.amount == cad(60_000))
    }

    @Test("Affirm below its minimum is refused at payment")
    func affirmBelowMinimum() throws {
        let ws = try TestWorkspace()
        try ws.quick("RO-5001", amount: "49.99")
        let plan = AffirmPlan(principal: cad(4_999), months: 3, aprBasisPoints: 0)
        let error = operationError {
            _ = try ws.service.pay("RO-5001", method: PaymentMethod(kind: .affirm, affirmPlan: plan), authorizationCode: "AF1234")
        }
        #expect(error?.description.contains("Affirm") == true)
        #expect(try ws.status("RO-5001") == .open)
    }

    @Test("void is refused once paid (any paid state) and twice", arguments: [RequestStatus.paid, .partiallyRefunded, .refunded, .voided])
    func voidRefused(state: RequestStatus) throws {
        let ws = try TestWorkspace()
        try ws.quick("RO-5001", amount: "125.00")
        switch state {
        case .paid: try ws.payCash("RO-5001")
        case .partiallyRefunded: try ws.payCash("RO-5001"); _ = try ws.service.refund("RO-5001", amount: "5.00", reason: nil)
        case .refunded: try ws.payCash("RO-5001"); _ = try ws.service.refund("RO-5001", amount: nil, reason: nil)
        case .voided: _ = try ws.service.void("RO-5001", reason: nil)
        case .open: break
        }
        #expect(try ws.status("RO-5001") == state)
        let before = try ws.ledger.allEntries()
        let error = operationError { _ = try ws.service.void("RO-5001", reason: nil) }
        #expect(error?.isRule == true)
        #expect(error?.description.contains(state == .voided ? "already voided" : "paid") == true, "\(String(describing: error))")
        #expect(try ws.ledger.allEntries() == before)
        #expect(try ws.status("RO-5001") == state)
    }

    @Test("unknown reference: not found")
    func unknownReference() throws {
        let ws = try TestWorkspace()
        let error = operationError { _ = try ws.service.void("RO-0000", reason: nil) }
        #expect(error.map { if case .notFound(.request("RO-0000")) = $0 { true } else { false } } == true, "\(String(describing: error))")
        #expect(error?.description.contains("RO-0000") == true)
    }

    @Test("payment notifies staff and queues the automatic confirmation")
    func paymentNotifiesAndConfirms() throws {
        let ws = try TestWorkspace()
        try ws.quick("RO-5001")
        let result = try ws.payCash("RO-5001")
        #expect(result.confirmationQueued)
        #expect(try ws.ledger.notifications().count == 1)
        #expect(try ws.outbox().map(\.kind) == ["request", "confirmation"])
    }

    @Test("receipt numbers are sequential per business: garage 1, 2 and velo 1, interleaved")
    func receiptNumbersPerBusiness() throws {
        let ws = try TestWorkspace()
        try ws.quick("RO-5001")
        try ws.quick("RO-5002")
        try ws.quick("VL-5001", business: "velo-laurier")
        #expect(try ws.payCash("RO-5001").receiptNumber == 1)
        #expect(try ws.payCash("VL-5001").receiptNumber == 1)
        #expect(try ws.payCash("RO-5002").receiptNumber == 2)
        try ws.quick("VL-5002", business: "velo-laurier")
        #expect(try ws.payCash("VL-5002").receiptNumber == 2)
        // Refund notes have their own sequence, per business too.
        #expect(try ws.service.refund("VL-5001", amount: "1.00", reason: nil).number == 1)
        #expect(try ws.service.refund("RO-5002", amount: "1.00", reason: nil).number == 1)
        #expect(try ws.service.refund("VL-5001", amount: "1.00", reason: nil).number == 2)
        // The velo request's link and overview name the velo business.
        #expect(try ws.service.overview("VL-5001").business == "Vélo Laurier")
    }

    @Test("a refused payment does not use up a receipt number")
    func refusedPaymentKeepsNumber() throws {
        let ws = try TestWorkspace()
        try ws.quick("RO-5001")
        try ws.quick("RO-5002")
        _ = try ws.service.void("RO-5001", reason: nil)
        _ = operationError { _ = try ws.payCash("RO-5001") }
        #expect(try ws.payCash("RO-5002").receiptNumber == 1)
    }
}
