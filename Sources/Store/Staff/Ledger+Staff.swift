import Foundation
import GRDB

/// The staff tables live in the ledger, but their writes never move the change counter: a
/// sign-in, a session's use or a new password changes no page, so it must not make a running
/// server rebuild the site.
extension Ledger {
    /// Runs `body` in one write transaction (`BEGIN IMMEDIATE`) on the staff tables, without
    /// moving the change counter. Everything commits together, or nothing if `body` throws.
    public func staffWrite<T>(_ body: (StaffTables) throws(StoreError) -> T) throws(StoreError) -> T {
        let path = self.path
        do {
            return try pool.writeWithoutTransaction { db in
                var result: Result<T, StoreError>?
                try db.inTransaction(.immediate) {
                    do throws(StoreError) {
                        result = .success(try body(StaffTables(db: db, path: path)))
                        return .commit
                    } catch {
                        result = .failure(error)
                        return .rollback
                    }
                }
                guard let result else { throw StoreError.database(path: path, operation: "commit", message: "no result") }
                return try result.get()
            }
        } catch {
            throw StoreError.from(error, path: path, operation: "write the staff tables")
        }
    }

    /// A consistent read of the staff tables (never waits for writers).
    public func staffRead<T>(_ body: (StaffTables) throws(StoreError) -> T) throws(StoreError) -> T {
        let path = self.path
        do {
            return try pool.read { db in try body(StaffTables(db: db, path: path)) }
        } catch {
            throw StoreError.from(error, path: path, operation: "read the staff tables")
        }
    }
}
