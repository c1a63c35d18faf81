import Billing
import Foundation
import GRDB
import Testing
@testable import Store

/// A fresh folder per test, removed afterwards.
@discardableResult
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("paypage-ledger-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

/// A ledger in a fresh temporary workspace.
@discardableResult
func withLedger<T>(_ body: (Ledger, URL) throws -> T) throws -> T {
    try withTemporaryFolder { (workspace) throws in try body(try Ledger(workspace: workspace), workspace) }
}

enum Sample {
    static let now = Date(timeIntervalSince1970: 1_741_960_800.123)
    static let phone = try! PhoneNumber("514 555 0123")

    static func ref(_ text: String) -> Reference { try! Reference(text) }
    static func cad(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .cad) }

    @discardableResult
    static func create(_ ledger: Ledger, _ reference: String, cents: Int64 = 12_500, name: String = "Marie Tremblay",
                       phone: PhoneNumber = Sample.phone) throws -> RequestToken {
        try ledger.createRequest(reference: ref(reference), amount: cad(cents), customerName: name,
                                 customerPhone: phone, at: now)
    }

    static func payment(_ reference: String, cents: Int64 = 12_500, receipt: Int = 1) throws -> Payment {
        let invoice = Invoice(reference: ref(reference), customer: Customer(name: "Marie Tremblay", phone: phone),
                              content: .quick(cad(cents)))
        let snapshot = InvoiceSnapshot(invoice: invoice, totals: try invoice.totals(taxes: [], currency: .cad))
        return Payment(amount: cad(cents), method: PaymentMethod(kind: .card, cardBrand: "visa", last4: "4242"),
                       authorizationCode: "AUTH01", receiptNumber: receipt, snapshot: snapshot)
    }

    static var settings: BusinessSettings {
        BusinessSettings(companyName: "Garage Tremblay", phone: phone,
                         address: .init(street: "1 rue Principale", city: "Montréal", province: "QC", postalCode: "H2X 1Y4"),
                         taxes: [], affirm: .init(enabled: false, minimum: cad(5_000), maximum: cad(3_000_000)))
    }
}

@Suite struct LedgerOpenTests {
    @Test func freshFileIsMigratedWithEveryTable() throws {
        try withLedger { (ledger, _) throws in
            let (migrations, tables) = try ledger.pool.read { db in
                (try LedgerSchema.migrator.appliedMigrations(db),
                 try LedgerSchema.tables.filter { try db.tableExists($0) })
            }
            #expect(migrations == ["v1", "v2-record-files", "staff-accounts", "event-actors", "payment-fees", "staff-notifications", "staff-totp", "inbound-messages"])
            #expect(try ledger.pool.read { db in try db.tableExists("record_files") })
            #expect(tables == LedgerSchema.tables)
            #expect(try ledger.integrityCheck().isEmpty)
        }
    }

    @Test func walAndFullSynchronousOnEveryConnection() throws {
        try withLedger { (ledger, _) throws in
            let writer = try ledger.pool.write { db in
                (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
            }
            let reader = try ledger.pool.read { db in
                (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
            }
            #expect(writer.0 == "wal" && writer.1 == 2)
            #expect(reader.0 == "wal" && reader.1 == 2)
            // Writers wait up to 5 s for another process; GRDB gives readers 10 s of their own.
            let timeout = try ledger.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA busy_timeout") }
            #expect(timeout == 5000)
        }
    }

    @Test func privateFolderAndFile() throws {
        try withLedger { (ledger, workspace) throws in
            try Sample.create(ledger, "INV-1")
            let folder = workspace.appendingPathComponent(".paypage").path
            let file = Ledger.fileURL(inWorkspace: workspace).path
            #expect(ledger.path == file)
            let folderMode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int
            #expect(folderMode == 0o700)
            for path in [file, file + "-wal", file + "-shm"] {
                let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
                #expect(mode == 0o600, "\(path)")
            }
        }
    }

    @Test func newerSchemaIsRefusedClearly() throws {
        try withTemporaryFolder { (workspace) throws in
            let url = Ledger.fileURL(inWorkspace: workspace)
            try Ledger(fileURL: url).close()
            let queue = try DatabaseQueue(path: url.path)
            try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2-future')") }
            try queue.close()
            #expect(throws: StoreError.newerSchema(path: url.path, unknownMigrations: ["v2-future"])) {
                _ = try Ledger(fileURL: url)
            }
        }
    }

    @Test func unopenableLocationNamesTheFile() throws {
        try withTemporaryFolder { (folder) throws in
            let blocker = folder.appendingPathComponent("blocker")
            try Data().write(to: blocker)
            let url = blocker.appendingPathComponent("ledger.sqlite")
            do {
                _ = try Ledger(fileURL: url)
                Issue.record("opened a ledger under a regular file")
            } catch let error as StoreError {
                #expect(error.path == url.path)
                #expect(error.description.contains(url.path))
            }
        }
    }
}
