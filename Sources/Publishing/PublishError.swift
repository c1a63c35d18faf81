import Generator
import Operations
import Store

/// Why bringing `Output/` up to date failed: the lock, the records' sync or the build itself.
package enum PublishError: Error, Sendable, CustomStringConvertible {
    /// Another process holds the build lock, or the lock file cannot be opened.
    case lock(WorkspaceLock.Failure)
    /// Registering new records in the ledger failed.
    case sync(OperationError)
    case build(GeneratorError)

    package var description: String {
        switch self {
        case .lock(let failure): failure.description
        case .sync(let error): error.description
        case .build(let error): error.description
        }
    }
}
