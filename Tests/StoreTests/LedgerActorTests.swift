import Billing
import Foundation
import GRDB
import Testing
@testable import Store

@Suite struct LedgerActorTests {
    @Test(arguments: [EventActor.staff(name: "Marie"), .customer, .systemUser(name: "root"), .importer, .demo,
                      .staff(name: "Name: with colon")])
    func eachEventKeepsWhoDidIt(_ actor: EventActor) throws {
        try withLedger { (ledger, _) throws in
            try Sample.create(ledger, "INV-1")
            let appended = try ledger.append(.reminded, to: Sample.ref("INV-1"), at: Sample.now, by: actor)
            #expect(appended.actor == actor)
            #expect(try ledger.entries(for: Sample.ref("INV-1")).last == appended)
            #expect(try ledger.allEntries().last?.actor == actor)
            #expect(try ledger.batch([Sample.ref("INV-1")]).values.first?.entries.last?.actor == actor)
        }
    }

    @Test func createAndRotateRecordTheirActor() throws {
        try withLedger { (ledger, _) throws in
            _ = try ledger.createRequest(reference: Sample.ref("INV-1"), amount: Sample.cad(100), customerName: "Marie",
                                         customerPhone: Sample.phone, at: Sample.now, by: .importer)
            _ = try ledger.rotateToken(reference: Sample.ref("INV-1"), at: Sample.now, by: .staff(name: "Luc"))
            #expect(try ledger.entries(for: Sample.ref("INV-1")).map(\.actor) == [.importer, .staff(name: "Luc")])
        }
    }

    /// A ledger from before staff accounts: its events have no actor, and it gains the staff
    /// tables when opened.
    @Test func anOlderLedgerIsUpgradedAndItsEventsHaveNoActor() throws {
        try withTemporaryFolder { (workspace) throws in
            let url = Ledger.fileURL(inWorkspace: workspace)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let queue = try DatabaseQueue(path: url.path)
            try LedgerSchema.migrator.migrate(queue, upTo: "v2-record-files")
            let payload = try LedgerCoding.encode(RequestEvent.reminded)
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO requests VALUES ('OLD-1', 'AAAAAAAAAAAAAAAAAAAAAA', 0, 0, 100, 'CAD', 2, 'Marie', '+15145550123');
                    INSERT INTO events (reference, at, kind, payload) VALUES ('OLD-1', 0, 'reminded', ?);
                    """, arguments: [payload])
            }
            try queue.close()
            let ledger = try Ledger(fileURL: url)
            #expect(try ledger.entries(for: Sample.ref("OLD-1")).map(\.actor) == [nil])
            #expect(try ledger.pool.read { db in try db.tableExists("staff") && db.tableExists("staff_sessions") })
        }
    }
}
