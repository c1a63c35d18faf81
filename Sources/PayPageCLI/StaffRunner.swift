import ArgumentParser
import Billing
import Foundation
import Operations
import StaffAccess
import Store

/// What a `paypage staff …` command can fail with: the module's refusal, the workspace, or the
/// password input. Worded and given an exit code by ``ErrorReport``.
enum StaffCommandError: Error {
    case staff(StaffError)
    case workspace(any Error)
    case passwordsDiffer
    case noPasswordInput
}

enum StaffRunner {
    static func run(_ body: () throws(StaffCommandError) -> Void) throws {
        try CommandRunner.run { () throws in
            do throws(StaffCommandError) { try body() } catch {
                if case .workspace(let inner) = error { throw inner }
                throw error
            }
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
