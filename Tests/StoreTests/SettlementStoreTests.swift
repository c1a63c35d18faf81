import Billing
import Foundation
import GRDB
import Testing
@testable import Store

@Suite struct SettlementStoreTests {
    static func settlement(_ entry: LedgerEntry, kind: Settlement.Kind = .payment, fee: Int64 = 392, day: String = "2025-03-18",
                           business: String = "main") -> Settlement {
        Settlement(sequence: entry.sequence, businessKey: business, reference: entry.reference, kind: kind, method: .card,
                   number: 1, amount: Sample.cad(12_500), fee: Sample.cad(fee), percentFee: Sample.cad(kind == .payment ? fee - 30 : 0),
                   day: CalendarDate(iso: day)!, at: LedgerCoding.truncated(entry.at))
    }

    @Test func aSettlementIsStoredWithItsEventAndReadBackUnchanged() throws {
        try withLedger { (ledger, _) throws in
            try Sample.create(ledger, "INV-1")
            let stored = try ledger.transaction { tx in
                let entry = try tx.append(.paid(try Sample.payment("INV-1")), to: Sample.ref("INV-1"), at: Sample.now)
                let settlement = Self.settlement(entry)
                try tx.record(settlement)
                return settlement
            }
            #expect(try ledger.settlements(for: Sample.ref("inv-1")) == [stored])
            #expect(try ledger.settlements(business: "main") == [stored])
            #expect(try ledger.settlements(business: "other").isEmpty)
        }
    }

    @Test func settlementsAreNeverChangedDeletedOrDoubled() throws {
        try withLedger { (ledger, _) throws in
            try Sample.create(ledger, "INV-1")
            let entry = try ledger.append(.paid(try Sample.payment("INV-1")), to: Sample.ref("INV-1"), at: Sample.now)
            try ledger.transaction { tx in try tx.record(Self.settlement(entry)) }
            #expect(throws: StoreError.self) { try ledger.transaction { tx in try tx.record(Self.settlement(entry, fee: 1)) } }
            #expect(throws: (any Error).self) {
                try ledger.pool.write { db in try db.execute(sql: "UPDATE settlements SET fee_minor = 0") }
            }
            #expect(throws: (any Error).self) {
                try ledger.pool.write { db in try db.execute(sql: "DELETE FROM settlements") }
            }
            #expect(try ledger.settlements(business: "main").map(\.fee) == [Sample.cad(392)])
        }
    }

    @Test func aSettlementNeedsItsEvent() throws {
        try withLedger { (ledger, _) throws in
            try Sample.create(ledger, "INV-1")
            let ghost = LedgerEntry(sequence: 999, reference: Sample.ref("INV-1"), at: Sample.now, event: .reminded)
            #expect(throws: StoreError.self) { try ledger.transaction { tx in try tx.record(Self.settlement(ghost)) } }
        }
    }

    @Test func aBusinessReadsByDayThenEvent() throws {
        try withLedger { (ledger, _) throws in
            try Sample.create(ledger, "INV-1")
            try Sample.create(ledger, "INV-2")
            let first = try ledger.append(.paid(try Sample.payment("INV-1")), to: Sample.ref("INV-1"), at: Sample.now)
            let second = try ledger.append(.paid(try Sample.payment("INV-2")), to: Sample.ref("INV-2"), at: Sample.now)
            let refund = try ledger.append(.refunded(Refund(amount: Sample.cad(100), reason: nil, number: 1)), to: Sample.ref("INV-1"), at: Sample.now)
            try ledger.transaction { tx in
                try tx.record(Self.settlement(first, day: "2025-03-19"))
                try tx.record(Self.settlement(second, day: "2025-03-18"))
                try tx.record(Self.settlement(refund, kind: .refund, fee: 0, day: "2025-03-18"))
            }
            #expect(try ledger.settlements(business: "main").map(\.sequence) == [second.sequence, refund.sequence, first.sequence])
        }
    }

    /// A ledger from before deposits: its payments keep no fee, and it opens and upgrades in place.
    @Test func anOlderLedgerIsUpgradedAndItsPaymentsStayWithoutSettlement() throws {
        try withTemporaryFolder { (workspace) throws in
            let url = Ledger.fileURL(inWorkspace: workspace)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let queue = try DatabaseQueue(path: url.path)
            try LedgerSchema.migrator.migrate(queue, upTo: "v2-record-files")
            let payload = try LedgerCoding.encode(RequestEvent.paid(try Sample.payment("INV-1")))
            try queue.write { db in
                try db.execute(sql: "INSERT INTO requests (\(RequestRow.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               arguments: ["INV-1", RequestToken.random().value, 12_500, "CAD", 2, "Marie", "+15145550123", 0, 0])
                try db.execute(sql: "INSERT INTO events (reference, at, kind, payload) VALUES ('INV-1', 0, 'paid', ?)", arguments: [payload])
            }
            try queue.close()
            let old = try Ledger(fileURL: url)
            let applied = try old.pool.read { db in try LedgerSchema.migrator.appliedMigrations(db) }
            #expect(applied == LedgerSchema.migrator.migrations, "every migration applied, payment-fees among them")
            #expect(try old.settlements(for: Sample.ref("INV-1")).isEmpty)
            #expect(try old.entries(for: Sample.ref("INV-1")).map(\.event.kind) == ["paid"])
        }
    }
}
