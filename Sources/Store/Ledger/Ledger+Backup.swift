import Foundation
import GRDB

/// Backups use SQLite's online backup API: a consistent copy even while other processes write.
extension Ledger {
    /// Copies the ledger into a single self-contained file (0600; replaced if it exists).
    package func backup(to url: URL) throws(StoreError) {
        let destination = url.path
        if FileManager.default.fileExists(atPath: destination) {
            // The backup API would keep a stale -wal beside it otherwise.
            try storeRun(destination, "replace the old backup") { try FileManager.default.removeItem(at: url) }
        }
        try Ledger.createPrivateFile(url)
        try storeRun(destination, "back up the ledger") {
            let queue = try DatabaseQueue(path: destination)
            try pool.backup(to: queue)
            // The copy inherits WAL mode; switch back so the backup is one file with no -wal beside it.
            _ = try queue.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") }
            try queue.close()
        }
    }

    /// Replaces the ledger's content with a backup, after checking the backup is a sound ledger.
    /// The copy happens inside the live database in one write transaction, so other processes
    /// that have the ledger open see either the old content or the restored one, never a mix
    /// (renaming a file over it would leave them writing to the old, unlinked file).
    package func restore(from url: URL) throws(StoreError) {
        let source = try Ledger.openValidBackup(url)
        let seenVersion = try changeVersion()
        try storeRun(path, "restore the ledger from \(url.path)") {
            try source.backup(to: pool)
            // Never let the change version return to a value a server has already seen.
            try pool.write { db in try Ledger.bumpChangeCounter(db, atLeast: seenVersion) }
        }
        try? source.close()
        // A backup from an older PayPage is brought up to date.
        try Ledger.migrate(pool, path: path)
    }

    private static func openValidBackup(_ url: URL) throws(StoreError) -> DatabaseQueue {
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw .invalidBackup(path: path, problems: ["the file does not exist"])
        }
        var config = Configuration()
        config.readonly = true
        let queue: DatabaseQueue
        let problems: [String]
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            problems = try queue.read { db in
                let integrity = try integrityProblems(db)
                guard integrity.isEmpty else { return integrity }
                let migrator = LedgerSchema.migrator
                let unknown = try migrator.appliedIdentifiers(db).subtracting(migrator.migrations)
                if !unknown.isEmpty { return ["written by a newer PayPage (\(unknown.sorted().joined(separator: ", ")))"] }
                return try LedgerSchema.tables.filter { try !db.tableExists($0) }.map { "missing table \($0)" }
            }
        } catch {
            throw .invalidBackup(path: path, problems: ["\(error)"])
        }
        guard problems.isEmpty else { throw .invalidBackup(path: path, problems: problems) }
        return queue
    }
}
