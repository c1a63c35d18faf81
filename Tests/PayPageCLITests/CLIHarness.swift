import Foundation
import ProcessTesting
import Testing

/// Runs the built `paypage` binary against a temporary workspace.
enum CLI {
    /// The repository root, from this file's path: Tests/PayPageCLITests/CLIHarness.swift.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary next to the test bundle (same build folder), else `.build/debug/paypage`.
    static let binary: URL? = {
        var candidates: [URL] = []
        let bundle = Bundle.main.bundleURL
        candidates.append(bundle.appendingPathComponent("paypage"))
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("paypage"))
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("paypage"))
        }
        candidates.append(repository.appendingPathComponent(".build/debug/paypage"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static var isAvailable: Bool { binary != nil }

    struct Output: CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String
        var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
    }

    /// Runs `paypage ARGS`; `input` is its standard input (none when nil).
    static func run(_ arguments: [String], in directory: URL? = nil, input: String? = nil) throws -> Output {
        guard let binary else { throw CLIError.missingBinary }
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "200"
        let result = try SpawnedProcess.run(binary.path, arguments, directory: directory?.path, environment: environment,
                                            input: input.map { Data($0.utf8) }, timeout: 120)
        if result.timedOut { throw CLIError.timeout(arguments) }
        return Output(status: result.status, stdout: result.stdoutText, stderr: result.stderrText)
    }

    enum CLIError: Error, CustomStringConvertible {
        case missingBinary
        case timeout([String])
        var description: String {
            switch self {
            case .missingBinary: "paypage binary not found: run `swift build` first (looked next to the test bundle and in .build/debug/)"
            case .timeout(let args): "paypage \(args.joined(separator: " ")) did not finish in 120 s"
            }
        }
    }
}

/// A temporary workspace: the repository's business settings and replies, optionally its
/// invoices and demo history.
final class CLIWorkspace: @unchecked Sendable {
    let root: URL

    init(invoices: Bool = false) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("paypage-cli-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("Records"), withIntermediateDirectories: true)
        let records = CLI.repository.appendingPathComponent("Records")
        for item in ["business.json", "businesses", "replies.json"] + (invoices ? ["invoices", "demo-history.json"] : []) {
            try fm.copyItem(at: records.appendingPathComponent(item), to: root.appendingPathComponent("Records/\(item)"))
        }
        if !invoices {
            try fm.createDirectory(at: root.appendingPathComponent("Records/invoices"), withIntermediateDirectories: true)
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Runs `paypage ARGS --workspace ROOT`.
    func run(_ arguments: [String], input: String? = nil) throws -> CLI.Output {
        try CLI.run(arguments + ["--workspace", root.path], input: input)
    }

    func invoiceFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Records/invoices").path)) ?? []).sorted()
    }

    var hasLedger: Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(".paypage/ledger.sqlite").path) }

    func newRequest(_ reference: String, amount: String = "125.00", extra: [String] = []) throws -> CLI.Output {
        try run(["request", "new", "--customer", "Marie Tremblay", "--phone", "514-555-0100", "--reference", reference,
                 "--amount", amount] + extra)
    }
}

/// A small RFC 4180 reader: quoted fields, doubled quotes, commas and newlines inside quotes.
enum CSVReader {
    enum Failure: Error { case unterminatedQuote, strayQuote(row: Int) }

    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var afterQuote = false
        var chars = Array(text)
        if chars.last == "\n" { chars.removeLast() }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 } else { inQuotes = false; afterQuote = true }
                } else {
                    field.append(c)
                }
            } else {
                switch c {
                case ",": row.append(field); field = ""; afterQuote = false
                case "\n": row.append(field); rows.append(row); row = []; field = ""; afterQuote = false
                case "\"":
                    guard field.isEmpty, !afterQuote else { throw Failure.strayQuote(row: rows.count) }
                    inQuotes = true
                default:
                    if afterQuote { throw Failure.strayQuote(row: rows.count) }
                    field.append(c)
                }
            }
            i += 1
        }
        if inQuotes { throw Failure.unterminatedQuote }
        row.append(field)
        rows.append(row)
        return rows
    }
}
