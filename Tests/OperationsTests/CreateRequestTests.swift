import Billing
import Foundation
import Messaging
@testable import Operations
import Store
import Testing

@Suite("Creating requests")
struct CreateRequestTests {
    @Test("a quick request writes its record, a ledger row with a 22-character token, and queues its text")
    func quickRequest() throws {
        let ws = try TestWorkspace()
        let created = try ws.quick("RO-5001", amount: "125.00")

        // Record file.
        #expect(ws.recordExists("RO-5001"))
        let record = try JSONDecoder().decode(InvoiceRecord.self, from: Data(contentsOf: ws.recordURL("RO-5001")))
        #expect(record.reference == "RO-5001")
        #expect(record.amount == "125.00")
        #expect(record.customer.name == "Marie Tremblay")

        // Ledger row and token.
        let row = try #require(try ws.row("RO-5001"))
        #expect(row.amount == cad(12_500))
        #expect(row.customerPhone.e164 == "+15145550100")
        #expect(row.token.value.wholeMatch(of: tokenPattern) != nil, "token \(row.token.value)")
        #expect(created.link == "http://127.0.0.1:8080/p/\(row.token.value)/")
        #expect(!created.link.contains("RO-5001"), "the link must never be derived from the reference")
        #expect(created.amount == cad(12_500))

        // Text queued with its segment count.
        guard case .queued(let id, let segments)? = created.outcome else {
            Issue.record("expected the text to be queued, got \(String(describing: created.outcome))")
            return
        }
        let outbox = try ws.outbox()
        #expect(outbox.count == 1)
        let message = try #require(outbox.first)
        #expect(message.id == id)
        #expect(message.to.e164 == "+15145550100")
        #expect(message.kind == "request")
        #expect(message.reference?.value == "RO-5001")
        #expect(message.body.contains(created.link))
        #expect(message.body.hasPrefix("Garage Tremblay"), "texts start with the company name: \(message.body)")
        #expect(segments.segments >= 1)
        #expect(message.segments == segments.segments)
        #expect(segments == created.message.segments)
        #expect(try ws.status("RO-5001") == .open)
    }

    @Test("two requests get different tokens")
    func tokensDiffer() throws {
        let ws = try TestWorkspace()
        let a = try ws.quick("RO-5001")
        let b = try ws.quick("RO-5002")
        #expect(a.link != b.link)
    }

    @Test("--no-send: the link is created, nothing is queued")
    func noSend() throws {
        let ws = try TestWorkspace()
        let created = try ws.quick("RO-5001", send: false)
        #expect(created.outcome == nil)
        #expect(try ws.outbox().isEmpty)
        #expect(try ws.row("RO-5001") != nil)
    }

    @Test("without an amount (and without an invoice file): usage error, nothing written")
    func withoutAmount() throws {
        let ws = try TestWorkspace()
        let error = operationError {
            _ = try ws.service.create(NewRequest(reference: "RO-5001", customerName: "Marie", phone: "514-555-0100"))
        }
        #expect(error.map { if case .invalidField("amount", .missing) = $0 { true } else { false } } == true, "\(String(describing: error))")
        #expect(!ws.recordExists("RO-5001"))
        #expect(ws.recordFiles().isEmpty)
        #expect(try ws.row("RO-5001") == nil)
        #expect(try ws.ledger.requests().isEmpty)
        #expect(try ws.ledger.allEntries().isEmpty)
        #expect(try ws.outbox().isEmpty)
    }

    @Test("bad input is refused and nothing is written", arguments: [
        // (reference, phone, amount, reply, expected text in the message)
        ("", "514-555-0100", "125.00", nil, "reference"),
        ("RO 5001", "514-555-0100", "125.00", nil, "reference"),
        ("RO-5001", "555-0171", "125.00", nil, "customer.phone"),
        ("RO-5001", "514-555-0100", "0.00", nil, "amount"),
        ("RO-5001", "514-555-0100", "-5", nil, "amount"),
        ("RO-5001", "514-555-0100", "12.345", nil, "amount"),
        ("RO-5001", "514-555-0100", "125.00", "no-such-reply", "no-such-reply"),
    ] as [(String, String, String, String?, String)])
    func refusedNothingWritten(reference: String, phone: String, amount: String, reply: String?, expected: String) throws {
        let ws = try TestWorkspace()
        let error = operationError {
            _ = try ws.service.create(NewRequest(reference: reference, customerName: "Marie", phone: phone, amount: amount, reply: reply))
        }
        #expect(error != nil)
        #expect(error?.description.contains(expected) == true, "\(String(describing: error?.description))")
        #expect(ws.recordFiles().isEmpty, "files left behind: \(ws.recordFiles())")
        #expect(try ws.ledger.requests().isEmpty)
        #expect(try ws.outbox().isEmpty)
    }

    @Test("a bad phone names customer.phone and exits 65")
    func badPhone() throws {
        let ws = try TestWorkspace()
        let error = operationError {
            _ = try ws.service.create(NewRequest(reference: "RO-5001", customerName: "Marie", phone: "555-0171", amount: "10.00"))
        }
        #expect(error?.isRecords == true)
        #expect(error?.description.contains("customer.phone") == true)
    }

    @Test("a reference already used, ignoring case, is refused and nothing changes",
          arguments: ["RO-5001", "ro-5001", "Ro-5001"])
    func duplicateReference(second: String) throws {
        let ws = try TestWorkspace()
        try ws.quick("RO-5001", amount: "125.00")
        let recordBefore = try Data(contentsOf: ws.recordURL("RO-5001"))
        let rowBefore = try ws.row("RO-5001")
        let entriesBefore = try ws.ledger.allEntries()

        let error = operationError { _ = try ws.quick(second, amount: "99.00", phone: "613-555-0199") }
        #expect(error?.isReferenceConflict == true, "\(String(describing: error))")
        #expect(error?.description.contains("already used") == true)
        #expect(ws.recordFiles() == ["RO-5001.json"])
        #expect(try Data(contentsOf: ws.recordURL("RO-5001")) == recordBefore)
        #expect(try ws.row("RO-5001") == rowBefore)
        #expect(try ws.ledger.requests().count == 1)
        #expect(try ws.ledger.allEntries() == entriesBefore)
        #expect(try ws.outbox().count == 1)
    }

    @Test("a reference used by a record file not yet registered is refused too")
    func duplicateOfUnregisteredFile() throws {
        let ws = try TestWorkspace()
        try ws.writeRecord("RO-6000", #"{"reference": "RO-6000", "customer": {"name": "A", "phone": "514-555-0100"}, "amount": "10.00"}"#)
        let error = operationError { _ = try ws.quick("ro-6000") }
        #expect(error?.isReferenceConflict == true)
        #expect(ws.recordFiles() == ["RO-6000.json"])
        #expect(try ws.ledger.requests().isEmpty)
    }

    @Test("an invoice file with decimal quantities and GST + QST totals to the cent")
    func invoiceTotals() throws {
        let ws = try TestWorkspace()
        let file = try ws.writeFile("dms-export.json", """
        {
          "lines": [
            {"description": "Labour (hours)", "quantity": "1.5", "unitPrice": "89.99"},
            {"description": "Oil filter", "quantity": "2", "unitPrice": "12.49"},
            {"description": "Shop supplies", "quantity": "0.333", "unitPrice": "10.00"},
            {"description": "Environmental fee", "quantity": "1", "unitPrice": "3.50", "taxable": false}
          ],
          "notes": "Thanks!"
        }
        """)
        let created = try ws.service.create(NewRequest(reference: "RO-7001", customerName: "Luc Gagnon", phone: "+1 514 555 0177",
                                                        invoiceFile: file))
        // 1.5 × 89.99 = 134.985 → 134.99; 2 × 12.49 = 24.98; 0.333 × 10.00 = 3.33; 3.50 not taxable.
        // taxable 163.30; GST 5 % = 8.165 → 8.17; QST 9.975 % = 16.289175 → 16.29.
        // total = 134.99 + 24.98 + 3.33 + 3.50 + 8.17 + 16.29 = 191.26
        #expect(created.amount == cad(19_126))
        #expect(try ws.row("RO-7001")?.amount == cad(19_126))
        let context = try ws.service.context("RO-7001")
        #expect(context.totals.lineTotals == [cad(13_499), cad(2_498), cad(333), cad(350)])
        #expect(context.totals.subtotal == cad(16_680))
        #expect(context.totals.taxableSubtotal == cad(16_330))
        #expect(context.totals.taxes.map(\.amount) == [cad(817), cad(1_629)])
        #expect(context.totals.total == cad(19_126))
        let sum = context.totals.subtotal.minorUnits + context.totals.taxes.reduce(0) { $0 + $1.amount.minorUnits }
        #expect(sum == context.totals.total.minorUnits)
        // The record written keeps the lines and the notes.
        let record = try JSONDecoder().decode(InvoiceRecord.self, from: Data(contentsOf: ws.recordURL("RO-7001")))
        #expect(record.lines?.count == 4)
        #expect(record.lines?.first?.quantity == "1.5")
        #expect(record.notes == "Thanks!")
        #expect(record.amount == nil)
    }

    @Test("an invoice file whose stated amount disagrees with its lines is refused, nothing written")
    func invoiceAmountMismatch() throws {
        let ws = try TestWorkspace()
        let file = try ws.writeFile("bad.json", """
        {"lines": [{"description": "Labour", "quantity": "1", "unitPrice": "100.00"}], "amount": "100.00"}
        """)
        let error = operationError {
            _ = try ws.service.create(NewRequest(reference: "RO-7002", customerName: "Luc", phone: "514-555-0177", invoiceFile: file))
        }
        #expect(error?.isRecords == true, "\(String(describing: error))")
        #expect(error?.description.contains("does not match") == true, "\(String(describing: error))")
        #expect(ws.recordFiles().isEmpty)
        #expect(try ws.ledger.requests().isEmpty)
    }

    @Test("two concurrent creates of one reference (different case): one record, one row, one text")
    func concurrentDuplicateCreate() throws {
        let ws = try TestWorkspace()
        let other = try ws.otherService()
        for round in 0..<10 {
            let outcomes = Outcomes()
            let start = DispatchSemaphore(value: 0)
            let group = DispatchGroup()
            let bodies: [(String, @Sendable () throws -> Void)] = [
                ("upper", { _ = try ws.service.create(NewRequest(reference: "RO-\(round)", customerName: "A", phone: "514-555-0100", amount: "10.00")) }),
                ("lower", { _ = try other.create(NewRequest(reference: "ro-\(round)", customerName: "B", phone: "514-555-0101", amount: "20.00")) }),
            ]
            for (name, body) in bodies {
                group.enter()
                Thread.detachNewThread {
                    start.wait()
                    do { try body(); outcomes.add(name, ok: true) } catch { outcomes.add(name, ok: false) }
                    group.leave()
                }
            }
            start.signal(); start.signal()
            #expect(group.wait(timeout: .now() + 30) == .success)
            #expect(outcomes.winners.count == 1, "round \(round): \(outcomes.winners)")
            let files = ws.recordFiles().filter { $0.lowercased() == "ro-\(round).json" }
            #expect(files.count == 1, "round \(round): \(files)")
            // The file that stayed is the winner's.
            let row = try #require(try ws.row("RO-\(round)"))
            #expect(files.first == "\(row.reference.value).json")
        }
        #expect(try ws.ledger.requests().count == 10)
        #expect(try ws.outbox().count == 10)
    }
}
