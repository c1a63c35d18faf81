import GRDB

extension StoreError {
    /// Turns whatever SQLite or a decoder threw into a StoreError naming the file and the operation.
    static func from(_ error: any Error, path: String, operation: String) -> StoreError {
        switch error {
        case let error as StoreError:
            return error
        case let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED:
            return .busy(path: path, operation: operation)
        case let error as DatabaseError:
            return .database(path: path, operation: operation, message: error.message ?? "\(error.resultCode)")
        default:
            return .database(path: path, operation: operation, message: "\(error)")
        }
    }
}

/// Runs database work and reports failures as StoreError.
func storeRun<T>(_ path: String, _ operation: String, _ body: () throws -> T) throws(StoreError) -> T {
    do { return try body() } catch { throw StoreError.from(error, path: path, operation: operation) }
}
