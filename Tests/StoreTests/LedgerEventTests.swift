import Billing
import Foundation
import GRDB
import Testing
@testable import Store

@Suite struct LedgerEventTests {
    @Test func appendKeepsOrderAndRoundTripsEveryEventKind() throws {
        try withLedger { (ledger, _) throws in
            try Sample.create(ledger, "INV-1")
            try Sample.create(ledger, "INV-2")
            let events: [RequestEvent] = [
                .messageSent(kind: "request", messageID: 1), .reminded, .paid(try Sample.payment("INV-1")),
                .notified, .confirmationSent, .refunded(Refund(amount: Sample.cad(500), reason: "pneu", number: 1)),
                .linkRotated, .voided(reason: nil),
            ]
            var appended: [LedgerEntry] = []
            for (index, event) in events.enumerated() {
                appended.append(try ledger.append(event, to: Sample.ref("inv-1"), at: Sample.now.addingTimeInterval(Double(index))))
                try ledger.append(.reminded, to: Sample.ref("INV-2"), at: Sample.now)
            }
            let entries = try ledger.entries(for: Sample.ref("INV-1"))
            #expect(entries.map(\.event) == [.requested(amount: Sample.cad(12_500))] + events)
            #expect(Array(entries.dropFirst()) == appended)
            #expect(entries.map(\.sequence) == entries.map(\.sequence).sorted())
            #expect(entries.allSatisfy { $0.reference.value == "INV-1" })
            let all = try ledger.allEntries()
            #expect(all.count == 2 + 2 * events.count)
            #expect(all.map(\.sequence) == all.map(\.sequence).sorted())
            #expect(try ledger.lastSequence() == all.last?.sequence)
        }
    }

    @Test func payloadIsSortedJSONWithKindColumnAndNoCardNumber() throws {
        try withLedger { (ledger, _) throws in
            try Sample.create(ledger, "INV-1")
            try ledger.append(.paid(try Sample.payment("INV-1")), to: Sample.ref("INV-1"), at: Sample.now)
            let (kind, payload) = try ledger.pool.read { db in
                let row = try #require(try Row.fetchOne(db, sql: "SELECT kind, payload FROM events ORDER BY seq DESC LIMIT 1"))
                return (row["kind"] as String, row["payload"] as String)
            }
            #expect(kind == "paid")
            #expect(payload.contains("\"last4\":\"4242\""))
            #expect(payload == (try LedgerCoding.encode(RequestEvent.paid(try Sample.payment("INV-1")))))
        }
    }

    @Test func aHandEditedFileGivesCorruptDataErrorsNotCrashes() throws {
        try withLedger { (ledger, _) throws in
            try Sample.create(ledger, "INV-1")
            try ledger.pool.write { db in
                try db.execute(sql: "UPDATE events SET payload = '{\"nonsense\":{}}'")
                try db.execute(sql: "UPDATE requests SET amount_minor = 'abc'")
            }
            do {
                _ = try ledger.allEntries()
                Issue.record("decoded a nonsense event")
            } catch let error as StoreError {
                guard case .corruptData(let path, let what, _) = error else { throw error }
                #expect(path == ledger.path && what.hasPrefix("ledger event"))
            }
            #expect(throws: StoreError.self) { _ = try ledger.requests() }
        }
    }

    @Test func appendingToAnUnknownReferenceFails() throws {
        try withLedger { (ledger, _) throws in
            #expect(throws: StoreError.unknownReference(path: ledger.path, reference: "GHOST")) {
                try ledger.append(.reminded, to: Sample.ref("GHOST"), at: Sample.now)
            }
        }
    }

    @Test func everythingSurvivesCloseAndReopen() throws {
        try withTemporaryFolder { (workspace) throws in
            let first = try Ledger(workspace: workspace)
            let token = try Sample.create(first, "INV-9")
            try first.append(.paid(try Sample.payment("INV-9")), to: Sample.ref("INV-9"), at: Sample.now)
            let before = try first.allEntries()
            try first.close()
            let second = try Ledger(workspace: workspace)
            #expect(try second.allEntries() == before)
            #expect(try second.request(token: token)?.reference.value == "INV-9")
        }
    }

    @Test func receiptAndRefundNumbersAreSequentialAndIndependent() throws {
        try withLedger { (ledger, _) throws in
            let numbers = try ledger.transaction { tx in
                [try tx.nextNumber(.receipt), try tx.nextNumber(.receipt), try tx.nextNumber(.refund), try tx.nextNumber(.receipt)]
            }
            #expect(numbers == [1, 2, 1, 3])
            #expect(try ledger.transaction { tx in try tx.nextNumber(.refund) } == 2)
        }
    }

    @Test func aThrowingTransactionLeavesNothing() throws {
        struct Refused: Error, Equatable {}
        try withLedger { (ledger, _) throws in
            try Sample.create(ledger, "INV-1")
            let version = try ledger.changeVersion()
            #expect(throws: Refused()) {
                try ledger.transaction { tx in
                    _ = try tx.nextNumber(.receipt)
                    _ = try tx.append(.reminded, to: Sample.ref("INV-1"), at: Sample.now)
                    _ = try tx.createRequest(reference: Sample.ref("INV-2"), amount: Sample.cad(1), customerName: "X",
                                             customerPhone: Sample.phone, at: Sample.now)
                    throw Refused()
                }
            }
            #expect(try ledger.entries(for: Sample.ref("INV-1")).count == 1)
            #expect(try ledger.request(reference: Sample.ref("INV-2")) == nil)
            #expect(try ledger.transaction { tx in try tx.nextNumber(.receipt) } == 1)
            #expect(try ledger.changeVersion() != version)
        }
    }

    @Test func rulesCheckedInsideTheTransactionRefuseTheSecondPayment() throws {
        try withLedger { (ledger, _) throws in
            try Sample.create(ledger, "INV-1")
            let rules = RequestRules(settings: Sample.settings, now: Sample.now)
            func pay() throws {
                try ledger.transaction { tx in
                    let state = RequestState(currentAmount: Sample.cad(12_500), entries: try tx.entries(for: Sample.ref("INV-1")))
                    try rules.checkPay(state, amount: Sample.cad(12_500), method: PaymentMethod(kind: .card))
                    let number = try tx.nextNumber(.receipt)
                    _ = try tx.append(.paid(try Sample.payment("INV-1", receipt: number)), to: Sample.ref("INV-1"), at: Sample.now)
                }
            }
            try pay()
            #expect(throws: BillingError.self) { try pay() }
        }
    }
}
