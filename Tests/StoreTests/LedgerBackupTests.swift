import Billing
import Foundation
import GRDB
import Testing
@testable import Store

@Suite struct LedgerBackupTests {
    @Test func backupThenRestoreBringsBackTheSavedState() throws {
        try withLedger { (ledger, workspace) throws in
            let token = try Sample.create(ledger, "INV-1")
            let backup = workspace.appendingPathComponent("ledger-backup.sqlite")
            try ledger.backup(to: backup)
            #expect(!FileManager.default.fileExists(atPath: backup.path + "-wal"))
            let mode = try FileManager.default.attributesOfItem(atPath: backup.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            let saved = try ledger.allEntries()

            try Sample.create(ledger, "INV-2")
            try ledger.append(.voided(reason: nil), to: Sample.ref("INV-1"), at: Sample.now)
            let versionBefore = try ledger.changeVersion()
            let other = try Ledger(fileURL: URL(fileURLWithPath: ledger.path))

            try ledger.restore(from: backup)
            #expect(try ledger.allEntries() == saved)
            #expect(try ledger.request(reference: Sample.ref("INV-2")) == nil)
            #expect(try ledger.request(token: token)?.reference.value == "INV-1")
            // Another open instance (another process) sees the restored content too.
            #expect(try other.allEntries() == saved)
            #expect(try other.changeVersion() > versionBefore)
            #expect(try ledger.integrityCheck().isEmpty)
            // And the restored ledger keeps working, still in WAL mode for a newcomer.
            try Sample.create(ledger, "INV-2")
            let newcomer = try GRDB.DatabaseQueue(path: ledger.path)
            #expect(try newcomer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
            #expect(try newcomer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM requests") } == 2)
            try newcomer.close()
            #expect(try other.request(reference: Sample.ref("INV-2")) != nil)
        }
    }

    @Test func restoreRefusesWhatIsNotALedger() throws {
        try withLedger { (ledger, workspace) throws in
            try Sample.create(ledger, "INV-1")
            let garbage = workspace.appendingPathComponent("garbage.sqlite")
            try Data(repeating: 0x42, count: 8192).write(to: garbage)
            #expect(throws: StoreError.self) { try ledger.restore(from: garbage) }
            let missing = workspace.appendingPathComponent("missing.sqlite")
            #expect(throws: StoreError.invalidBackup(path: missing.path, problems: ["the file does not exist"])) {
                try ledger.restore(from: missing)
            }
            let unrelated = workspace.appendingPathComponent("other.sqlite")
            let queue = try GRDB.DatabaseQueue(path: unrelated.path)
            try queue.write { db in try db.execute(sql: "CREATE TABLE t (x)") }
            try queue.close()
            do {
                try ledger.restore(from: unrelated)
                Issue.record("restored an unrelated database")
            } catch let error as StoreError {
                guard case .invalidBackup(_, let problems) = error else { throw error }
                #expect(problems.contains("missing table requests"))
            }
            #expect(try ledger.entries(for: Sample.ref("INV-1")).count == 1)
        }
    }
}
