import ArgumentParser
import Foundation
import Operations
import Store

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the ledger consistently, even while payments go on (SQLite online backup).")

    @OptionGroup var options: WorkspaceOptions
    @Argument(help: ArgumentHelp("Where to write the copy.", valueName: "FILE")) var file: String
    @Flag(help: "Replace FILE if it exists.") var force = false

    func run() throws {
        try CommandRunner.run { () throws in
            // Only the ledger is needed: a backup must work even when Records/ is damaged.
            let target = URL(fileURLWithPath: file)
            if FileManager.default.fileExists(atPath: target.path) && !force {
                throw CLIError.usage("\(file) already exists (use --force to replace it)")
            }
            let ledger = try Self.openLedger(options.paths)
            do throws(StoreError) { try ledger.backup(to: target) } catch { throw error }
            Console.print("Backed up \(options.paths.ledger.path) to \(target.path).")
        }
    }

    static func openLedger(_ paths: WorkspacePaths) throws -> Ledger {
        guard FileManager.default.fileExists(atPath: paths.ledger.path) else {
            throw CLIError.notFound("\(paths.ledger.path) does not exist (run `paypage demo` or create a request first)")
        }
        return try Ledger(fileURL: paths.ledger)
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Bring the ledger back from a backup (checked before anything is replaced).")

    @OptionGroup var options: WorkspaceOptions
    @Argument(help: ArgumentHelp("A file written by `paypage backup`.", valueName: "FILE")) var file: String

    func run() throws {
        try CommandRunner.run { () throws in
            try options.requireWorkspace()  // never a ledger restored into a folder that is no workspace
            let source = URL(fileURLWithPath: file)
            guard FileManager.default.fileExists(atPath: source.path) else { throw CLIError.usage("\(file) does not exist") }
            try? FileManager.default.createDirectory(at: options.paths.privateFolder, withIntermediateDirectories: true)
            let ledger: Ledger
            do throws(StoreError) { ledger = try Ledger(fileURL: options.paths.ledger) } catch { throw error }
            do throws(StoreError) { try ledger.restore(from: source) } catch { throw error }
            Console.print("Restored \(options.paths.ledger.path) from \(source.path). Run `paypage build` to refresh the pages.")
        }
    }
}
