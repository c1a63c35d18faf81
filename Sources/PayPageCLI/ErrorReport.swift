import Billing
import Deposits
import Generator
import Importing
import Operations
import PreviewServer
import Publishing
import StaffAccess
import Store

/// The one place that turns an error into the line the CLI prints and its exit code
/// (0 ok, 1 failure, 64 bad usage, 65 bad data, 69 unavailable, 75 busy).
struct ErrorReport {
    var message: String
    var exitCode: Int32

    init(_ error: any Error) {
        switch error {
        case let error as CLIError: self = Self.cli(error)
        case let error as OperationError: self = Self.operation(error)
        case let error as PublishError: self = Self.publish(error)
        case let error as GeneratorError: self = Self.generator(error)
        case let error as StoreError: self = Self.store(error)
        case let error as RecordErrors: self.init(error.description, 65)
        case let error as ServerError: self = Self.server(error)
        case let error as DepositError: self = Self.deposit(error)
        case let error as ImportError: self = Self.importing(error)
        case let error as StaffError: self = Self.staff(error)
        case let error as StaffCommandError: self = Self.staffCommand(error)
        default: self.init("\(error)", 1)
        }
    }

    init(_ message: String, _ exitCode: Int32) {
        self.message = message
        self.exitCode = exitCode
    }

    private static func cli(_ error: CLIError) -> Self {
        switch error {
        case .usage(let text): Self(text, 64)
        case .notFound(let text): Self(text, 65)
        case .unavailable(let text): Self(text, 69)
        case .failed(let text): Self(text, 1)
        }
    }

    private static func operation(_ error: OperationError) -> Self {
        switch error {
        case let .invalidField(field, problem): Self(flagMessage(field, problem) ?? error.description, 64)
        case .records, .notAllowed, .messaging: Self(error.description, 65)
        case .notFound(.request): Self(error.description + " (see `paypage request list`)", 65)
        case .notFound: Self(error.description, 65)
        case .conflict(.referenceInLedger), .conflict(.referenceInRecords): Self(error.description, 64)
        case .conflict: Self(error.description, 65)
        case .store(let error): store(error)
        case .stopping: Self(error.description, 69)
        }
    }

    private static func publish(_ error: PublishError) -> Self {
        switch error {
        case .lock(.busy): Self(error.description, 75)
        case .lock(.cannotOpen): Self(error.description, 64)
        case .sync(let error): operation(error)
        case .build(let error): generator(error)
        }
    }

    private static func generator(_ error: GeneratorError) -> Self {
        switch error {
        case .records, .theme: Self(error.description, 65)
        case .store(let error): store(error)
        case .fileSystem: Self(error.description, 1)
        }
    }

    private static func store(_ error: StoreError) -> Self {
        switch error {
        case .busy: Self(error.description, 75)
        case .duplicateReference, .idempotencyConflict, .invalidBackup, .corruptData: Self(error.description, 65)
        default: Self(error.description, 1)
        }
    }

    private static func deposit(_ error: DepositError) -> Self {
        switch error {
        case .unknownBusiness, .businessNeeded, .invalidDepositName, .invalidDate, .emptyRange, .invalidSeparator, .conflictingFormats:
            Self(error.description, 64)
        case .noSuchDeposit, .noSuchDay, .noSuchRequest, .mixedCurrencies, .overflow: Self(error.description, 65)
        case .store(let error): store(error)
        }
    }

    private static func importing(_ error: ImportError) -> Self {
        switch error {
        case .records: Self(error.description, 65)
        case .unknownBusiness: Self("--business: \(error.description)", 64)
        case .invalidPrefix: Self("--prefix: \(error.description)", 64)
        case .store(let error): store(error)
        }
    }

    private static func staff(_ error: StaffError) -> Self {
        switch error {
        case .invalidName, .invalidPassword: Self(error.description, 64)
        case .nameTaken, .unknownAccount, .lastOwner, .twoFactorAlreadyOn, .twoFactorNotEnrolled: Self(error.description, 65)
        case .signInFailed, .wrongCode, .wrongCurrentPassword: Self(error.description, 1)
        case .store(let error): store(error)
        }
    }

    private static func staffCommand(_ error: StaffCommandError) -> Self {
        switch error {
        case .staff(let error): staff(error)
        case .workspace(let error): Self(error)
        case .passwordsDiffer: Self("password: the two entries differ; nothing changed", 64)
        case .noPasswordInput: Self("password: standard input is not a terminal: give --password-stdin and pipe the password in", 64)
        }
    }

    private static func server(_ error: ServerError) -> Self {
        if case .portInUse = error { return Self(error.description, 69) }
        return Self(error.description, 1)
    }

    /// Input fields that are command-line options: their messages name the flag.
    private static let flags: Set<String> = ["amount", "reference", "phone", "method", "business", "invoice", "language", "locale"]

    private static func isFlag(_ field: String) -> Bool { flags.contains(field) }

    private static func flagMessage(_ field: String, _ problem: OperationError.FieldProblem) -> String? {
        guard isFlag(field) else { return nil }
        let flag = "--\(field)"
        switch problem {
        case .missing where field == "amount": return "--amount is required (or --invoice FILE with the lines)"
        case .missing: return "\(flag) is required"
        case .invalid(let error): return "\(flag): \(error.description)"
        case .notOneOf(let values): return "\(flag) must be \(OperationError.FieldProblem.list(values))"
        case let .disagrees(otherField, otherValue, value): return "\(flag) \(value) disagrees with \(otherField): \"\(otherValue)\""
        case .unreadable(let path): return "\(flag): cannot read \(path)"
        }
    }
}
