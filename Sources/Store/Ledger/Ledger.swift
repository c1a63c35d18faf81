import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
private let closeFile = Glibc.close
#elseif canImport(Darwin)
import Darwin
private let closeFile = Darwin.close
#endif

/// The ledger of what happened to each payment request, in SQLite (WAL, synchronous=FULL).
/// Several processes (the CLI, the preview server) may open the same file: writes are
/// serialized by SQLite's write lock, and waiting for it is bounded by a busy timeout.
/// All calls are synchronous and may be made from any thread.
package final class Ledger: Sendable {
    /// The database file, for messages.
    package let path: String
    let pool: DatabasePool

    /// How long a writer waits for another process before failing with `.busy`.
    package static let busyTimeout: TimeInterval = 5

    /// `<workspace>/.paypage/ledger.sqlite`
    package static func fileURL(inWorkspace workspace: URL) -> URL {
        workspace.appendingPathComponent(".paypage", isDirectory: true).appendingPathComponent("ledger.sqlite")
    }

    package convenience init(workspace: URL) throws(StoreError) {
        try self.init(fileURL: Ledger.fileURL(inWorkspace: workspace))
    }

    /// Opens (creating if needed) and migrates the ledger at `fileURL`.
    package init(fileURL: URL) throws(StoreError) {
        let path = fileURL.path
        self.path = path
        try Ledger.createPrivateFile(fileURL)
        var config = Configuration()
        config.label = "PayPage.Ledger"
        config.busyMode = .timeout(Ledger.busyTimeout)
        // FULL: a payment that was reported as recorded survives a power cut (WAL's NORMAL
        // could lose the last transactions).
        // A small page cache per connection (SQLite's default is 2 MB each): the operating
        // system caches the file anyway, and a build's readers then take the same memory for
        // 1 000 requests as for 20 000.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA cache_size = -256") }
        let pool = try storeRun(path, "open the ledger") { try DatabasePool(path: path, configuration: config) }
        // DatabasePool turns its writer to NORMAL after prepareDatabase (GRDB's WAL setup), so
        // set FULL again on the writer, the only connection that commits.
        try storeRun(path, "set synchronous=FULL") {
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        }
        self.pool = pool
        try Ledger.migrate(pool, path: path)
    }

    /// Refuses files from a newer PayPage, then applies the migrations this one knows.
    static func migrate(_ writer: any DatabaseWriter, path: String) throws(StoreError) {
        let migrator = LedgerSchema.migrator
        let unknown = try storeRun(path, "read the schema version") {
            try writer.read { db in try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted() }
        }
        guard unknown.isEmpty else { throw .newerSchema(path: path, unknownMigrations: unknown) }
        try storeRun(path, "migrate the ledger") { try migrator.migrate(writer) }
    }

    /// The folder is 0700 and the file 0600: the ledger holds customer names and phones, and
    /// secret links. SQLite gives its -wal and -shm files the permissions of the main file.
    static func createPrivateFile(_ fileURL: URL) throws(StoreError) {
        let folder = fileURL.deletingLastPathComponent()
        do {
            if !FileManager.default.fileExists(atPath: folder.path) {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            }
        } catch {
            throw .cannotOpen(path: fileURL.path, reason: "cannot create \(folder.path): \(error.localizedDescription)")
        }
        // O_EXCL: never truncate or replace a ledger another process just created.
        let fd = open(fileURL.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd >= 0 {
            _ = closeFile(fd)
        } else if errno != EEXIST {
            throw .cannotOpen(path: fileURL.path, reason: String(cString: strerror(errno)))
        }
    }

    /// Runs `body` in one write transaction (`BEGIN IMMEDIATE`): it waits for the write lock
    /// before reading, so two racing writers (a payment and a void) serialize and each sees the
    /// other's outcome. Everything commits together, or nothing does if `body` throws.
    /// Throws what `body` throws unchanged, or a `StoreError`.
    package func transaction<T>(_ body: (LedgerTransaction) throws -> T) throws -> T {
        let path = self.path
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    let changesBefore = db.totalChangesCount
                    result = try body(LedgerTransaction(db: db, path: path))
                    if db.totalChangesCount != changesBefore { try Ledger.bumpChangeCounter(db) }
                    return .commit
                }
                guard let result else { throw StoreError.database(path: path, operation: "commit", message: "no result") }
                return result
            }
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path, operation: "write to the ledger")
        }
    }

    /// `transaction` for bodies that only throw StoreError, keeping the error typed.
    func write<T>(_ body: (LedgerTransaction) throws(StoreError) -> T) throws(StoreError) -> T {
        do { return try transaction { tx in try body(tx) } } catch {
            throw StoreError.from(error, path: path, operation: "write to the ledger")
        }
    }

    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        try storeRun(path, operation) { try pool.read(body) }
    }

    static let changeCounter = "changes"

    static func bumpChangeCounter(_ db: Database, atLeast floor: Int64 = 0) throws {
        try db.execute(sql: """
            INSERT INTO counters (name, value) VALUES (?, ? + 1)
            ON CONFLICT(name) DO UPDATE SET value = max(value, excluded.value - 1) + 1
            """, arguments: [changeCounter, floor])
    }

    /// Closes the connections. Later calls fail; not needed before the process exits.
    package func close() throws(StoreError) {
        try storeRun(path, "close the ledger") { try pool.close() }
    }
}
