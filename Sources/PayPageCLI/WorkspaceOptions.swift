import ArgumentParser
import Foundation
import Operations
import Store

/// Options every command shares.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace folder (Records/, Themes/, Output/).", valueName: "DIR"))
    var workspace: String = FileManager.default.currentDirectoryPath

    var paths: WorkspacePaths { WorkspacePaths(root: URL(fileURLWithPath: workspace)) }

    /// Opens the workspace's records and ledger.
    func service() throws -> RequestService {
        try requireWorkspace()
        return try RequestService.open(paths)
    }

    func requireWorkspace() throws {
        guard FileManager.default.fileExists(atPath: paths.url(RecordsReader.businessFile).path) else {
            throw CLIError.usage("\(paths.root.path) is not a PayPage workspace: \(RecordsReader.businessFile) is missing (use --workspace DIR)")
        }
    }
}

struct JSONFlag: ParsableArguments {
    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false
}
