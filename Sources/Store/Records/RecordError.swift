import Billing

/// A problem in a record file, located by the file and the JSON path inside it:
/// `Records/invoices/RO-1001.json: lines[2].quantity: must be a positive number`.
package struct RecordError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Path relative to the workspace, e.g. `Records/business.json`.
    package var file: String
    /// JSON path such as `lines[2].quantity`; empty for the whole file.
    package var path: String
    package var problem: String

    package init(file: String, path: String, problem: String) {
        self.file = file
        self.path = path
        self.problem = problem
    }

    package var description: String {
        path.isEmpty ? "\(file): \(problem)" : "\(file): \(path): \(problem)"
    }
}

/// Several record problems at once, so `paypage check` can list them all.
package struct RecordErrors: Error, Sendable, CustomStringConvertible {
    package var errors: [RecordError]

    package init(_ errors: [RecordError]) { self.errors = errors }

    package var description: String { errors.map(\.description).joined(separator: "\n") }
}

extension RecordError {
    /// A second record file with a reference already taken (references are unique ignoring case).
    /// `other` is the first file, relative to the workspace.
    package static func duplicateReference(file: String, reference: Reference, other: String) -> RecordError {
        RecordError(file: file, path: "reference", problem: "\"\(reference)\" is already used by \(other) (references are unique ignoring case)")
    }
}
