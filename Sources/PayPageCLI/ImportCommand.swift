import ArgumentParser
import Foundation
import Importing
import Store

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import repair orders from a dealer-management export as invoice records.",
        discussion: """
        Each RO becomes Records/invoices/<reference>.json, is registered (it gets its link) and its pages are built; \
        nothing is sent. An RO with a problem is not imported, the others are (exit 65 when any failed). \
        Importing the same file again changes nothing; paid requests are never changed. See docs/IMPORT.md.
        """)

    @OptionGroup var options: WorkspaceOptions
    @Argument(help: ArgumentHelp("The export: ro-csv, or any layout a --mapping describes.", valueName: "FILE")) var file: String
    @Option(help: "The business key (a file stem in Records/businesses/); default: the main business.") var business: String?
    @Option(help: ArgumentHelp("Put before every RO number to make its reference (e.g. VL-).", valueName: "P")) var prefix: String?
    @Option(help: "The export's layout: ro-csv (the default).") var format: ImportFormat?
    @Option(help: ArgumentHelp("A JSON mapping file describing another system's export.", valueName: "MAP.json")) var mapping: String?
    @Flag(help: "Show what would be created, updated or refused; write nothing.") var dryRun = false

    enum ImportFormat: String, ExpressibleByArgument, CaseIterable {
        case roCSV = "ro-csv"
    }

    func validate() throws {
        if format != nil && mapping != nil { throw ValidationError("--format and --mapping are exclusive: a mapping describes its own format") }
    }

    func run() throws {
        try CommandRunner.run { () throws in
            try options.requireWorkspace()
            let layout = try mapping.map { path in
                try MappingFile.layout(try Self.read(path), file: path)
            } ?? .roCSV
            let bytes = [UInt8](try Self.read(file))
            let importer = try Importer.open(options.paths, readOnly: dryRun)
            let report = try importer.run(bytes, fileName: file, options: .init(business: business, prefix: prefix, layout: layout, dryRun: dryRun))
            for line in report.summaryLines { Console.print(line) }
            for issue in report.allIssues { Console.error(issue.description) }
            Console.print(report.totalsLine)
            if !dryRun, !report.changedReferences.isEmpty {
                SiteRefresh(options: options).afterChange(report.changedReferences.map(\.value))
            }
            if report.hasFailures { throw ExitCode(65) }
        }
    }

    private static func read(_ path: String) throws -> Data {
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw CLIError.notFound("\(path): \(exists ? "cannot be read" : "no such file")")
        }
    }
}
