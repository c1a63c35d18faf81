import Store
import Theming

/// Everything a build can fail with. `description` is what the CLI prints after `error: `.
package enum GeneratorError: Error, Sendable, CustomStringConvertible {
    /// The business settings cannot be read: nothing can be built.
    case records([RecordError])
    /// A theme failed to load (syntax errors read `Themes/<name>/templates/<file>:LINE:COLUMN: …`).
    case theme(ThemeError)
    /// The ledger could not be read.
    case store(StoreError)
    /// Writing or removing a file of `Output/` failed.
    case fileSystem(path: String, reason: String)

    package var description: String {
        switch self {
        case .records(let errors): errors.map(\.description).joined(separator: "\n")
        case .theme(let error): error.description
        case .store(let error): error.description
        case let .fileSystem(path, reason): "\(path): \(reason)"
        }
    }
}
