import ArgumentParser
import Billing
import Foundation
import Operations
import StaffAccess
import Store

/// What a `paypage staff …` command can fail with: the module's refusal, or the password input.
enum StaffCommandError: Error {
    case staff(StaffError)
    case workspace(OperationError)
    case passwordsDiffer
    case noPasswordInput

    var description: String {
        switch self {
        case .staff(let error): error.description
        case .workspace(let error): error.description
        case .passwordsDiffer: "password: the two entries differ; nothing changed"
        case .noPasswordInput: "password: standard input is not a terminal: give --password-stdin and pipe the password in"
        }
    }

    /// 64 bad input, 65 refused by the data (a taken name, the last owner), 75 busy.
    var exitCode: Int32 {
        switch self {
        case .staff(let error):
            switch error {
            case .invalidName, .invalidPassword: 64
            case .nameTaken, .unknownAccount, .lastOwner: 65
            case .signInFailed: 1
            case .store(let store): OperationError.store(store).exitCode
            }
        case .workspace(let error): error.exitCode
        case .passwordsDiffer, .noPasswordInput: 64
        }
    }
}

enum StaffRunner {
    static func run(_ body: () throws(StaffCommandError) -> Void) throws {
        do { try body() } catch {
            Console.error(error.description)
            throw ExitCode(error.exitCode)
        }
    }

    static func call<T>(_ body: () throws(StaffError) -> T) throws(StaffCommandError) -> T {
        do { return try body() } catch { throw .staff(error) }
    }

    /// The workspace's staff accounts (its ledger; the records need not be valid).
    static func service(_ options: WorkspaceOptions) throws(StaffCommandError) -> StaffService {
        do { try options.requireWorkspace() } catch { throw .workspace(error) }
        do { return StaffService(ledger: try Ledger(fileURL: options.paths.ledger)) } catch { throw .staff(.store(error)) }
    }

    /// The main business's language, or French when its settings cannot be read.
    static func defaultLanguage(_ options: WorkspaceOptions) -> Language {
        (try? RecordsReader(workspace: options.paths.root).loadBusinesses().main.defaultLanguage) ?? .fr
    }
}
