/// Everything the store can fail with. Each case names the file it concerns, so the CLI can
/// say which ledger (or record) failed and what was being done.
package enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or its folder could not be created or opened.
    case cannotOpen(path: String, reason: String)
    /// The file was written by a newer PayPage: refuse rather than guess at its schema.
    case newerSchema(path: String, unknownMigrations: [String])
    /// Another process held the database longer than the busy timeout (exit code 75).
    case busy(path: String, operation: String)
    /// SQLite refused an operation.
    case database(path: String, operation: String, message: String)
    /// A stored row could not be read back (hand-edited or damaged file).
    case corruptData(path: String, what: String, reason: String)
    case duplicateReference(path: String, reference: String)
    case unknownReference(path: String, reference: String)
    case unknownMessage(path: String, id: Int64)
    /// The same idempotency key was used for a different request.
    case idempotencyConflict(path: String, key: String)
    /// A file offered for restore is not a sound PayPage ledger.
    case invalidBackup(path: String, problems: [String])
    /// Writing, renaming or syncing a file failed.
    case fileSystem(path: String, operation: String, reason: String)

    package var path: String {
        switch self {
        case let .cannotOpen(path, _), let .newerSchema(path, _), let .busy(path, _), let .database(path, _, _),
             let .corruptData(path, _, _), let .duplicateReference(path, _), let .unknownReference(path, _),
             let .unknownMessage(path, _), let .idempotencyConflict(path, _), let .invalidBackup(path, _),
             let .fileSystem(path, _, _):
            path
        }
    }

    package var description: String {
        switch self {
        case let .cannotOpen(path, reason): "\(path): cannot open: \(reason)"
        case let .newerSchema(path, unknown):
            "\(path): written by a newer version of PayPage (unknown migrations: \(unknown.joined(separator: ", ")))"
        case let .busy(path, operation): "\(path): busy (another process holds the ledger) while trying to \(operation)"
        case let .database(path, operation, message): "\(path): cannot \(operation): \(message)"
        case let .corruptData(path, what, reason): "\(path): \(what) is unreadable: \(reason)"
        case let .duplicateReference(path, reference): "\(path): a request with reference \"\(reference)\" already exists"
        case let .unknownReference(path, reference): "\(path): no request with reference \"\(reference)\""
        case let .unknownMessage(path, id): "\(path): no outbox message \(id)"
        case let .idempotencyConflict(path, key):
            "\(path): idempotency key \"\(key)\" was already used for a different request"
        case let .invalidBackup(path, problems): "\(path): not a valid ledger backup: \(problems.joined(separator: "; "))"
        case let .fileSystem(path, operation, reason): "\(path): cannot \(operation): \(reason)"
        }
    }
}
