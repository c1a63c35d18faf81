import Billing
import Messaging
import Store

/// Why a staff or checkout operation was refused, with the values that explain it.
///
/// No sentences, no command-line flags and no exit codes here: `description` is the plain English
/// wording; the CLI maps each case to its message and exit code, the server to an HTTP status,
/// and the console to the theme's string tables, each in one place.
package enum OperationError: Error, Sendable, CustomStringConvertible {
    /// A field of the input is missing or wrong. `field` is its path (`amount`, `customer.phone`).
    case invalidField(String, FieldProblem)
    /// Bad data in records.
    case records([RecordError])
    /// A billing rule refused the action in the request's state.
    case notAllowed(reference: String, BillingError)
    case notFound(Missing)
    case conflict(Conflict)
    case store(StoreError)
    case messaging(MessagingError)
    /// The server is shutting down (or the call was cancelled) before the work could start: nothing ran.
    case stopping

    /// What is wrong with one input field.
    package enum FieldProblem: Sendable, Equatable {
        case missing
        case invalid(BillingError)
        case notOneOf([String])
        /// Two inputs name different values for the same thing.
        case disagrees(otherField: String, otherValue: String, value: String)
        case unreadable(path: String)
    }

    /// What was looked for and not found.
    package enum Missing: Sendable, Equatable {
        case request(reference: String)
        case record(file: String)
        case businessOfRequest(reference: String, business: String)
        case recordOfRequest(reference: String, file: String)
        case customer(query: String)
    }

    /// The input is valid on its own but clashes with what exists.
    package enum Conflict: Sendable, Equatable {
        case referenceInLedger(reference: String, existing: String)
        case referenceInRecords(reference: String, file: String)
        /// The customer opted out of texts: nothing was sent.
        case optedOut(phone: String, action: String)
        /// Text still in `[brackets]`.
        case unfilledText([String])
        /// The invoice's payment request was already texted to the customer (or it is paid or voided).
        case alreadyRequested(reference: String)
    }

    package var description: String {
        switch self {
        case let .invalidField(field, problem): problem.english(field: field)
        case .records(let errors): errors.map(\.description).joined(separator: "\n")
        case let .notAllowed(reference, error): "\(reference): \(error.description)"
        case .notFound(let missing): missing.english
        case .conflict(let conflict): conflict.english
        case .store(let error): error.description
        case .messaging(let error): error.description
        case .stopping: "the server is stopping; nothing was done"
        }
    }
}
