import Billing
import Store

/// Why a staff or checkout operation was refused. Only the CLI turns this into `error: …`.
public enum OperationError: Error, Sendable, CustomStringConvertible {
    /// Bad input from the command line or an API call (exit 64).
    case usage(String)
    /// Bad data in records (exit 65).
    case records([RecordError])
    /// A billing rule said no (exit 65): the reason names the amounts.
    case rule(reference: String, BillingError)
    case notFound(String)
    case message(String)
    case store(StoreError)
    /// Another process holds the lock (exit 75).
    case busy(String)
    /// Something this needs is missing (a port taken, Chromium not installed): exit 69.
    case unavailable(String)

    public var description: String {
        switch self {
        case .usage(let text): text
        case .records(let errors): errors.map(\.description).joined(separator: "\n")
        case let .rule(reference, error): "\(reference): \(error.description)"
        case .notFound(let text): text
        case .message(let text): text
        case .store(let error): error.description
        case .busy(let text): text
        case .unavailable(let text): text
        }
    }

    /// The exit code DESIGN.md gives this kind of failure.
    public var exitCode: Int32 {
        switch self {
        case .usage: 64
        case .records, .rule, .message: 65
        case .notFound: 65
        case .store(.busy): 75
        case .store(.duplicateReference), .store(.idempotencyConflict), .store(.invalidBackup), .store(.corruptData): 65
        case .store: 1
        case .busy: 75
        case .unavailable: 69
        }
    }
}
