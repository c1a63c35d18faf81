import Billing
import Foundation
import Testing
@testable import Store

@Suite struct LedgerMessagesTests {
    @Test func outboxQueuesListsByReferenceAndMarksSent() throws {
        try withLedger { (ledger, _) throws in
            try Sample.create(ledger, "INV-1")
            let id = try ledger.transaction { tx in
                let id = try tx.enqueue(OutboxMessage(createdAt: Sample.now, to: Sample.phone, body: "Garage: payez ici",
                                                      kind: "request", reference: Sample.ref("INV-1"),
                                                      segments: 1, encoding: .gsm7))
                _ = try tx.append(.messageSent(kind: "request", messageID: id), to: Sample.ref("INV-1"), at: Sample.now)
                return id
            }
            let testID = try ledger.enqueue(OutboxMessage(createdAt: Sample.now, to: try PhoneNumber("+33612345678"),
                                                          body: "Test « ok »", kind: "test", reference: nil,
                                                          segments: 1, encoding: .ucs2))
            #expect(try ledger.outbox().map(\.id) == [id, testID])
            let forRequest = try ledger.outbox(reference: Sample.ref("inv-1"))
            #expect(forRequest.count == 1)
            #expect(forRequest.first?.status == .queued && forRequest.first?.encoding == .gsm7)
            #expect(forRequest.first?.reference?.value == "INV-1")
            try ledger.markSent(messageID: id, at: Sample.now.addingTimeInterval(5))
            let sent = try #require(try ledger.outbox(reference: Sample.ref("INV-1")).first)
            #expect(sent.status == .sent && sent.sentAt == LedgerCoding.truncated(Sample.now.addingTimeInterval(5)))
            #expect(throws: StoreError.unknownMessage(path: ledger.path, id: 999)) {
                try ledger.markSent(messageID: 999, at: Sample.now)
            }
        }
    }

    @Test func optOutsAreRecordedOnceAndCanBeLifted() throws {
        try withLedger { (ledger, _) throws in
            let phone = try PhoneNumber("+1 438 555 0100")
            #expect(try !ledger.isOptedOut(phone: phone))
            try ledger.optOut(phone: phone, at: Sample.now)
            try ledger.optOut(phone: try PhoneNumber("4385550100"), at: Sample.now)
            #expect(try ledger.isOptedOut(phone: phone))
            try ledger.optIn(phone: phone)
            #expect(try !ledger.isOptedOut(phone: phone))
        }
    }

    @Test func staffNotificationsAreListedNewestFirstAndMarkTheRequest() throws {
        try withLedger { (ledger, _) throws in
            try Sample.create(ledger, "INV-1")
            try ledger.notifyStaff(about: Sample.ref("inv-1"), text: "INV-1 paid", at: Sample.now)
            try ledger.notifyStaff(about: Sample.ref("INV-1"), text: "INV-1 refunded", at: Sample.now)
            #expect(try ledger.notifications().map(\.text) == ["INV-1 refunded", "INV-1 paid"])
            #expect(try ledger.notifications(limit: 1).first?.reference.value == "INV-1")
            #expect(try ledger.entries(for: Sample.ref("INV-1")).filter { $0.event == .notified }.count == 2)
        }
    }

    @Test func changeVersionMovesWithWritesFromAnotherInstance() throws {
        try withTemporaryFolder { (workspace) throws in
            let server = try Ledger(workspace: workspace)
            let cli = try Ledger(workspace: workspace)
            let start = try server.changeVersion()
            try Sample.create(cli, "INV-1")
            let afterCreate = try server.changeVersion()
            #expect(afterCreate != start)
            // A transaction that writes nothing does not look like a change.
            _ = try cli.transaction { tx in try tx.entries(for: Sample.ref("INV-1")) }
            #expect(try server.changeVersion() == afterCreate)
            try cli.optOut(phone: Sample.phone, at: Sample.now)
            #expect(try server.changeVersion() != afterCreate)
        }
    }
}
