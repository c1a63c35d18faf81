import Billing
import Foundation
import Messaging
@testable import Operations
import Store
import Testing

@Suite("Reminders, opt-outs, links, sync")
struct MessagesAndLinksTests {
    @Test("reminders: open only, one a day, three in all")
    func reminderLimits() throws {
        let ws = try TestWorkspace()
        try ws.quick("RO-5001")

        // Day 0: one reminder, a second the same day is refused.
        let first = try ws.service.remind("RO-5001")
        #expect(first.wasQueued)
        ws.clock.set(When.date(2025, 11, 3, 23, 30))
        let sameDay = operationError { _ = try ws.service.remind("RO-5001") }
        #expect(sameDay?.isRule == true)
        #expect(sameDay?.description.contains("today") == true, "\(String(describing: sameDay))")

        // Just after midnight in Toronto is another day.
        ws.clock.set(When.date(2025, 11, 4, 0, 5))
        #expect(try ws.service.remind("RO-5001").wasQueued)
        ws.clock.set(When.date(2025, 11, 5, 9))
        #expect(try ws.service.remind("RO-5001").wasQueued)

        // A fourth is refused, whatever the day.
        ws.clock.set(When.date(2025, 11, 20, 9))
        let fourth = operationError { _ = try ws.service.remind("RO-5001") }
        #expect(fourth?.isRule == true)
        #expect(fourth?.description.contains("limit of 3") == true, "\(String(describing: fourth))")

        let reminders = try ws.outbox().filter { $0.kind == "reminder" }
        #expect(reminders.count == 3)
        #expect(reminders.allSatisfy { $0.reference?.value == "RO-5001" && $0.to.e164 == "+15145550100" })
        #expect(try ws.entries("RO-5001").filter { $0.event == .reminded }.count == 3)
    }

    @Test("a day is judged in the business's time zone, not UTC")
    func reminderDayInTimeZone() throws {
        // 20:00 and 23:00 in Toronto are the same local day but different UTC days.
        let ws = try TestWorkspace(at: When.date(2025, 11, 3, 20))
        try ws.quick("RO-5001")
        _ = try ws.service.remind("RO-5001")
        ws.clock.set(When.date(2025, 11, 3, 23))
        let error = operationError { _ = try ws.service.remind("RO-5001") }
        #expect(error?.description.contains("today") == true, "\(String(describing: error))")
    }

    @Test("never a reminder for paid, refunded or voided requests", arguments: [
        RequestStatus.paid, .partiallyRefunded, .refunded, .voided,
    ])
    func noReminderUnlessOpen(state: RequestStatus) throws {
        let ws = try TestWorkspace()
        try ws.quick("RO-5001")
        switch state {
        case .paid: try ws.payCash("RO-5001")
        case .partiallyRefunded: try ws.payCash("RO-5001"); _ = try ws.service.refund("RO-5001", amount: "1.00", reason: nil)
        case .refunded: try ws.payCash("RO-5001"); _ = try ws.service.refund("RO-5001", amount: nil, reason: nil)
        case .voided: _ = try ws.service.void("RO-5001", reason: nil)
        case .open: break
        }
        let outboxBefore = try ws.outbox()
        let error = operationError { _ = try ws.service.remind("RO-5001") }
        #expect(error?.isRule == true)
        #expect(try ws.outbox() == outboxBefore)
        #expect(try ws.entries("RO-5001").contains { $0.event == .reminded } == false)
    }

    @Test("an opted-out phone gets no text; remind fails with a clear message and changes nothing")
    func optedOut() throws {
        let ws = try TestWorkspace()
        try ws.quick("RO-5001", phone: "514-555-0100")
        #expect(try ws.service.optOut(phone: "(514) 555-0100").e164 == "+15145550100")
        let outboxBefore = try ws.outbox()
        let entriesBefore = try ws.ledger.allEntries()

        let error = operationError { _ = try ws.service.remind("RO-5001") }
        #expect(error?.isOptedOut == true, "\(String(describing: error))")
        #expect(error?.description.contains("opted out") == true)
        #expect(error?.description.contains("+15145550100") == true)
        #expect(try ws.outbox() == outboxBefore)
        #expect(try ws.ledger.allEntries() == entriesBefore)

        // Sending the link again: also refused, nothing queued.
        let resend = operationError { _ = try ws.service.sendLink("RO-5001", reply: nil) }
        #expect(resend?.description.contains("opted out") == true)

        // A new request to the same phone is created, but no text is queued.
        let created = try ws.quick("RO-5002", phone: "+1 514 555 0100")
        #expect(created.outcome == .optedOut)
        #expect(try ws.outbox() == outboxBefore)

        // Payment still works; its automatic confirmation is not sent.
        let paid = try ws.payCash("RO-5001")
        #expect(!paid.confirmationQueued)
        #expect(try ws.outbox() == outboxBefore)

        // A test message to that number is not queued either.
        let (_, outcome) = try ws.service.testMessage(to: "514-555-0100", reply: nil)
        #expect(outcome == .optedOut)
        #expect(try ws.outbox() == outboxBefore)
    }

    @Test("rotate link: a new token, the old one no longer resolves")
    func rotateLink() throws {
        let ws = try TestWorkspace()
        let created = try ws.quick("RO-5001")
        let old = try #require(try ws.row("RO-5001")?.token)
        #expect(created.link.contains(old.value))

        let link = try ws.service.rotateLink("RO-5001")
        let new = try #require(try ws.row("RO-5001")?.token)
        #expect(new != old)
        #expect(new.value.wholeMatch(of: tokenPattern) != nil)
        #expect(link == "http://127.0.0.1:8080/p/\(new.value)/")
        #expect(try ws.ledger.request(token: old) == nil)
        #expect(try ws.ledger.request(token: new)?.reference.value == "RO-5001")
        #expect(try ws.service.overview("RO-5001").link == link)
        #expect(try ws.entries("RO-5001").contains { $0.event == .linkRotated })
        // Sending again uses the new link.
        let (message, _) = try ws.service.sendLink("RO-5001", reply: nil)
        #expect(message.text.contains(new.value))
        #expect(!message.text.contains(old.value))
    }

    @Test("syncRecords: registers a new record, follows an open request's amount, never changes a paid one")
    func syncRecords() throws {
        let ws = try TestWorkspace()
        func record(_ reference: String, _ amount: String, name: String = "Paul Martin") -> String {
            #"{"reference": "\#(reference)", "customer": {"name": "\#(name)", "phone": "613-555-0144"}, "amount": "\#(amount)"}"#
        }
        try ws.writeRecord("RO-9101", record("RO-9101", "50.00"))
        try ws.writeRecord("RO-9102", record("RO-9102", "80.00"))
        var report = try ws.service.syncRecords()
        #expect(report.registered.map(\.value).sorted() == ["RO-9101", "RO-9102"])
        #expect(report.recordErrors.isEmpty)
        #expect(try ws.row("RO-9101")?.amount == cad(5_000))
        #expect(try ws.row("RO-9101")?.token.value.wholeMatch(of: tokenPattern) != nil)
        #expect(try ws.outbox().isEmpty, "sync registers, it does not text")

        // Running it again changes nothing.
        report = try ws.service.syncRecords()
        #expect(report.registered.isEmpty && report.updated.isEmpty)

        // Pay one; then change both records.
        try ws.payCash("RO-9102")
        try ws.writeRecord("RO-9101", record("RO-9101", "55.00", name: "Paul-André Martin"))
        try ws.writeRecord("RO-9102", record("RO-9102", "99.00"))
        report = try ws.service.syncRecords()
        #expect(report.updated.map(\.value) == ["RO-9101"])
        #expect(try ws.row("RO-9101")?.amount == cad(5_500))
        #expect(try ws.row("RO-9101")?.customerName == "Paul-André Martin")
        #expect(try ws.service.overview("RO-9101").amountDue == cad(5_500))
        #expect(try ws.row("RO-9102")?.amount == cad(8_000))
        #expect(try ws.service.overview("RO-9102").amount == cad(8_000))
        #expect(report.frozenChanges.count == 1)
        #expect(report.frozenChanges.first?.contains("RO-9102") == true)

        // A broken record is reported with file and path, not registered.
        try ws.writeRecord("RO-9103", #"{"reference": "RO-9103", "customer": {"name": "X", "phone": "12"}, "amount": "5.00"}"#)
        report = try ws.service.syncRecords()
        #expect(report.recordErrors.map(\.description).contains { $0.contains("Records/invoices/RO-9103.json: customer.phone") })
        #expect(try ws.row("RO-9103") == nil)
    }

    @Test("unchanged records are not read again; any change is")
    func syncSkipsUnchangedRecords() throws {
        let ws = try TestWorkspace()
        let later = Date().addingTimeInterval(60)
        try ws.writeRecord("RO-9201", #"{"reference": "RO-9201", "customer": {"name": "Ana", "phone": "613-555-0144"}, "amount": "10.00"}"#)
        #expect(try ws.service.syncRecords(settledAt: later).registered.map(\.value) == ["RO-9201"])
        let stamp = try ws.service.ledger.recordsStamp()
        #expect(stamp != nil)
        // Unchanged: nothing is read (a record made unreadable behind the signature's back would be noticed otherwise).
        #expect(try ws.service.syncRecords(settledAt: later).registered.isEmpty)
        // A new record changes the signature.
        try ws.writeRecord("RO-9202", #"{"reference": "RO-9202", "customer": {"name": "Bo", "phone": "613-555-0145"}, "amount": "20.00"}"#)
        #expect(try ws.service.syncRecords(settledAt: later).registered.map(\.value) == ["RO-9202"])
        #expect(try ws.service.ledger.recordsStamp() != stamp)
        // Without a settled signature (records just written), everything is read and no stamp is kept.
        try ws.writeRecord("RO-9203", #"{"reference": "RO-9203", "customer": {"name": "Cy", "phone": "613-555-0146"}, "amount": "30.00"}"#)
        let before = try ws.service.ledger.recordsStamp()
        #expect(try ws.service.syncRecords().registered.map(\.value) == ["RO-9203"])
        #expect(try ws.service.ledger.recordsStamp() == before)
        // An invalid record keeps the sync reading everything, so its problem is reported every time.
        try ws.writeRecord("RO-9204", #"{"reference": "RO-9204"}"#)
        #expect(try !ws.service.syncRecords(settledAt: later).recordErrors.isEmpty)
        #expect(try !ws.service.syncRecords(settledAt: later).recordErrors.isEmpty)
        // Each valid record is remembered by its file signature; an invalid one is not; a deleted one is forgotten.
        #expect(try Set(ws.service.ledger.recordFileSignatures().keys) == ["RO-9201.json", "RO-9202.json", "RO-9203.json"])
        try FileManager.default.removeItem(at: ws.root.appendingPathComponent("Records/invoices/RO-9203.json"))
        _ = try ws.service.syncRecords(settledAt: later)
        #expect(try Set(ws.service.ledger.recordFileSignatures().keys) == ["RO-9201.json", "RO-9202.json"])
        // A business file changed: every record's signature changes (taxes make the totals).
        let before2 = RecordsSignature.invoiceFiles(workspace: ws.root, now: later)
        let business = ws.root.appendingPathComponent("Records/business.json")
        try Data(try Data(contentsOf: business)).write(to: business)
        let after2 = RecordsSignature.invoiceFiles(workspace: ws.root, now: later)
        #expect(before2.map(\.name) == after2.map(\.name))
        #expect(zip(before2, after2).allSatisfy { $0.signature != $1.signature })
        #expect(RecordsSignature.invoiceFiles(workspace: ws.root).allSatisfy { $0.signature == nil })
    }

    @Test("an edited record is read again while the others are not")
    func syncReadsOnlyChangedRecords() throws {
        let ws = try TestWorkspace()
        let later = Date().addingTimeInterval(60)
        func record(_ reference: String, _ amount: String) -> String {
            #"{"reference": "\#(reference)", "customer": {"name": "Ana", "phone": "613-555-0144"}, "amount": "\#(amount)"}"#
        }
        try ws.writeRecord("RO-9301", record("RO-9301", "10.00"))
        try ws.writeRecord("RO-9302", record("RO-9302", "20.00"))
        _ = try ws.service.syncRecords(settledAt: later)
        try ws.writeRecord("RO-9302", record("RO-9302", "25.00"))
        let report = try ws.service.syncRecords(settledAt: later)
        #expect(report.updated.map(\.value) == ["RO-9302"])
        #expect(try ws.row("RO-9302")?.amount == cad(2_500))
        #expect(try ws.row("RO-9301")?.amount == cad(1_000))
    }

    @Test("a voided request is not updated by sync")
    func syncLeavesVoided() throws {
        let ws = try TestWorkspace()
        try ws.quick("RO-5001", amount: "10.00")
        _ = try ws.service.void("RO-5001", reason: nil)
        try ws.writeRecord("RO-5001", #"{"reference": "RO-5001", "customer": {"name": "Marie Tremblay", "phone": "514-555-0100"}, "amount": "20.00"}"#)
        let report = try ws.service.syncRecords()
        #expect(report.updated.isEmpty)
        #expect(try ws.row("RO-5001")?.amount == cad(1_000))
    }

    @Test("register an existing record: ledger entry, link and text")
    func register() throws {
        let ws = try TestWorkspace()
        try ws.writeRecord("VET-1", #"{"reference": "VET-1", "business": "clinique-veterinaire-des-erables", "customer": {"name": "Ana", "phone": "819-555-0100"}, "amount": "75.00"}"#)
        let created = try ws.service.register("VET-1", send: true, reply: nil)
        #expect(created.outcome?.wasQueued == true)
        #expect(try ws.outbox().first?.body.hasPrefix("Clinique vétérinaire des Érables") == true)
        // Registering again re-sends without a new token.
        let token = try ws.row("VET-1")?.token
        _ = try ws.service.register("VET-1", send: false, reply: nil)
        #expect(try ws.row("VET-1")?.token == token)
    }

    @Test("a payment racing a void: exactly one wins (20 times)")
    func payRacingVoid() throws {
        let ws = try TestWorkspace()
        let other = try ws.otherService() // a second connection, as another process would have
        for round in 0..<20 {
            let reference = "RACE-\(round)"
            try ws.quick(reference, send: false)
            let outcomes = Outcomes()
            let start = DispatchSemaphore(value: 0)
            let group = DispatchGroup()
            let threads: [(String, @Sendable () throws -> Void)] = [
                ("pay", { _ = try ws.service.markPaid(reference, method: .cash) }),
                ("void", { _ = try other.void(reference, reason: "race") }),
            ]
            for (name, body) in threads {
                group.enter()
                Thread.detachNewThread {
                    start.wait()
                    do { try body(); outcomes.add(name, ok: true) } catch { outcomes.add(name, ok: false) }
                    group.leave()
                }
            }
            start.signal(); start.signal()
            #expect(group.wait(timeout: .now() + 30) == .success)
            let winners = outcomes.winners
            #expect(winners.count == 1, "round \(round): \(winners)")
            let status = try ws.status(reference)
            if winners == ["pay"] { #expect(status == .paid) }
            if winners == ["void"] { #expect(status == .voided) }
            let kinds = try ws.entries(reference).map(\.event.kind)
            #expect(kinds.filter { $0 == "paid" || $0 == "voided" }.count == 1, "round \(round): \(kinds)")
        }
    }
}

final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [(String, Bool)] = []

    func add(_ name: String, ok: Bool) {
        lock.lock(); defer { lock.unlock() }
        results.append((name, ok))
    }

    var winners: [String] {
        lock.lock(); defer { lock.unlock() }
        return results.filter(\.1).map(\.0)
    }
}

@Suite("WorkspaceCheck")
struct WorkspaceCheckTests {
    @Test("every problem at once, each with its file and path")
    func everyProblem() throws {
        let ws = try TestWorkspace()
        try ws.writeRecord("RO-1", #"{"reference": "RO-1", "customer": {"name": "", "phone": "12"}, "amount": "10.001"}"#)
        try ws.writeRecord("RO-2", #"{"reference": "RO-3", "customer": {"name": "B", "phone": "514-555-0100"}, "amount": "10.00"}"#)
        try ws.writeRecord("RO-4", #"{"reference": "RO-4", "customer": {"name": "C", "phone": "514-555-0100"}, "lines": [{"description": "x", "quantity": "-1", "unitPrice": "5.00"}]}"#)
        let replies = ws.paths.url("Records/replies.json")
        try Data(#"{"replies": [{"name": "r", "text": {"fr": "Bonjour { customer.nom } [NOM]", "en": "Hi { customer.name }"}}]}"#.utf8).write(to: replies)
        let problems = WorkspaceCheck(paths: ws.paths).run()
        let expected = [
            "Records/invoices/RO-1.json: customer.name",
            "Records/invoices/RO-1.json: customer.phone",
            "Records/invoices/RO-1.json: amount",
            "Records/invoices/RO-2.json: reference",
            "Records/invoices/RO-4.json: lines[0].quantity",
            "Records/replies.json: replies[0].text.fr: unknown placeholder { customer.nom }",
            "Records/replies.json: replies[0].text.fr: [NOM] is not filled in",
        ]
        for text in expected {
            #expect(problems.contains { $0.contains(text) }, "missing \(text) in:\n\(problems.joined(separator: "\n"))")
        }
    }
}
