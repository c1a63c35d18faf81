import Operations

/// The one place that maps an operation's failure to an HTTP status, for the checkout API and
/// pages (and the console).
enum ProblemStatus {
    static func of(_ error: OperationError) -> Int {
        switch error {
        case .invalidField: 422
        case .notFound: 404
        case .notAllowed, .conflict, .records, .messaging: 409
        case .store(.idempotencyConflict), .store(.duplicateReference): 409
        case .store(.busy), .stopping: 503
        case .store: 500
        }
    }
}
