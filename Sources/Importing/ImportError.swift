import Billing
import Store

/// Why an import could not run at all (bad data in an export is not thrown: it is in the report).
package enum ImportError: Error, Sendable, CustomStringConvertible {
    /// The workspace's business settings, or the mapping file, have problems.
    case records([RecordError])
    case unknownBusiness(String, known: [String])
    /// The prefix has characters a reference cannot have.
    case invalidPrefix(String)
    case store(StoreError)

    package var description: String {
        switch self {
        case .records(let errors): errors.map(\.description).joined(separator: "\n")
        case let .unknownBusiness(key, known): "\"\(key)\" is not a business (\(known.joined(separator: ", ")))"
        case .invalidPrefix(let prefix): "\"\(prefix)\" cannot start a reference (only A–Z a–z 0–9 . _ -)"
        case .store(let error): error.description
        }
    }
}
