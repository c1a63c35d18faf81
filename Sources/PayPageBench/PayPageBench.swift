import ArgumentParser
import Bench
import Foundation

/// `paypage-bench`: the benchmark harness, an executable of its own so that `paypage` does not ship it.
@main
struct PayPageBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paypage-bench",
        abstract: "Measure PayPage on a seeded synthetic workspace: full and no-change builds, payment → page, serving (vs nginx, Hugo).",
        discussion: """
        Builds a temporary workspace (Themes/ copied from --workspace) with --invoices requests, runs `paypage build` \
        as a child process twice, pays open requests through the checkout (ledger on the real disk, synchronous=FULL) \
        and rebuilds each one's pages, then serves a payment page with `paypage serve --no-reload` and nginx under wrk. \
        The `paypage` binary next to this one is used: build both with `swift build -c release`.
        """)

    @Option(name: .long, help: ArgumentHelp("The workspace whose Themes/ are used.", valueName: "DIR"))
    var workspace: String = FileManager.default.currentDirectoryPath
    @Option(help: "Number of synthetic requests.") var invoices: Int = 10_000
    @Option(help: "Payments to time (payment → updated page).") var payments: Int = 200
    @Option(help: "Seed of the synthetic workspace.") var seed: UInt64 = 20_261_129
    @Option(name: .customLong("output-on"), help: ArgumentHelp("Folder for the synthetic workspace and its Output/ (default /dev/shm).", valueName: "DIR"))
    var outputOn: String?
    @Option(name: .customLong("ledger-on"), help: ArgumentHelp("Folder for the ledger: keep it on the real disk (default /var/tmp).", valueName: "DIR"))
    var ledgerOn: String?
    @Option(name: .customLong("export-hugo"), help: ArgumentHelp("Also write the same invoices as a Hugo site here.", valueName: "DIR"))
    var exportHugo: String?
    @Option(help: "Seconds per wrk run.") var serveSeconds: Int = 5
    @Flag(help: "Do not measure serving (no server, no wrk, no nginx).") var skipServing = false
    @Flag(help: "Do not run hugo even when it is installed.") var skipHugo = false
    @Flag(help: "Keep the synthetic workspace instead of deleting it.") var keep = false
    @Flag(help: "Print the results as JSON.") var json = false

    func validate() throws {
        guard invoices >= 1 else { throw ValidationError("--invoices must be at least 1") }
        guard payments >= 0 else { throw ValidationError("--payments must not be negative") }
    }

    func run() async throws {
        var options = BenchRunner.Options(source: URL(fileURLWithPath: workspace))
        options.invoices = invoices
        options.payments = payments
        options.seed = seed
        options.outputOn = outputOn.map { URL(fileURLWithPath: $0) }
        options.ledgerOn = ledgerOn.map { URL(fileURLWithPath: $0) }
        options.exportHugo = exportHugo.map { URL(fileURLWithPath: $0) }
        options.skipServing = skipServing
        options.skipHugo = skipHugo
        options.keep = keep
        options.serveSeconds = max(1, serveSeconds)
        guard FileManager.default.fileExists(atPath: options.source.appendingPathComponent("Themes").path) else {
            Self.error("\(options.source.path) has no Themes/ folder (use --workspace DIR)")
            throw ExitCode(64)
        }
        guard FileManager.default.isExecutableFile(atPath: options.executable) else {
            Self.error("\(options.executable) not found: build it next to paypage-bench (swift build -c release)")
            throw ExitCode(69)
        }
        let report: BenchRunner.Report
        do {
            report = try await BenchRunner(options: options, log: { Self.progress($0) }).run()
        } catch {
            Self.error("\(error)")
            throw ExitCode(1)
        }
        if json { Self.print(Self.encoded(report)) } else { Self.print(report.table) }
    }

    static func print(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }

    /// Progress on standard error, without a prefix.
    static func progress(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

    static func error(_ text: String) { FileHandle.standardError.write(Data("error: \(text)\n".utf8)) }

    static func encoded(_ report: BenchRunner.Report) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(report)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
