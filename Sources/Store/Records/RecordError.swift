import Billing

/// A problem in a record file, located by the file and the JSON path inside it:
/// `Records/invoices/RO-1001.json: lines[2].quantity: must be a positive number`.
public struct RecordError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Path relative to the workspace, e.g. `Records/business.json`.
    public var file: String
    /// JSON path such as `lines[2].quantity`; empty for the whole file.
    public var path: String
    public var problem: String

    public init(file: String, path: String, problem: String) {
        self.file = file
        self.path = path
        self.problem = problem
    }

    public var description: String {
        path.isEmpty ? "\(file): \(problem)" : "\(file): \(path): \(problem)"
    }
}

/// Several record problems at once, so `paypage check` can list them all.
public struct RecordErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [RecordError]

    public init(_ errors: [RecordError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

extension RecordError {
    /// A second record file with a reference already taken (references are unique ignoring case).
    /// `other` is the first file, relative to the workspace.
    public static func duplicateReference(file: String, reference: Reference, other: String) -> RecordError {
        RecordError(file: file, path: "reference", problem: "\"\(reference)\" is already used by \(other) (references are unique ignoring case)")
    }
}
