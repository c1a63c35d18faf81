import Foundation
import ProcessTesting
#if canImport(Glibc)
import Glibc
#endif

/// Shared plumbing for the hardening tests: paths, the long-run flag, the seed of the kill runs,
/// temporary workspaces, running (and killing) the `paypage` binary.
enum Hardening {
    /// The repository root, from this file's path: Tests/HardeningTests/Support/Harness.swift.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `PAYPAGE_HARDENING_LONG=1` turns on the long runs (200+ kills, bigger races, more cases).
    static let isLong: Bool = {
        let value = ProcessInfo.processInfo.environment["PAYPAGE_HARDENING_LONG"] ?? ""
        return !value.isEmpty && value != "0"
    }()

    /// `PAYPAGE_HARDENING_SEED=N` replays a run; otherwise the seed is printed so a failure can be replayed.
    static let seed: UInt64 = {
        if let text = ProcessInfo.processInfo.environment["PAYPAGE_HARDENING_SEED"], let value = UInt64(text) { return value }
        return UInt64.random(in: 1...UInt64.max >> 1)
    }()

    /// The built CLI: next to the test bundle, else `.build/debug/paypage`.
    static let binary: URL? = {
        var candidates: [URL] = []
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("paypage"))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("paypage"))
        candidates.append(repository.appendingPathComponent(".build/debug/paypage"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static func fixture(_ name: String) -> URL {
        repository.appendingPathComponent("Tests/HardeningTests/Fixtures").appendingPathComponent(name)
    }

    /// A folder on tmpfs when there is one (steady timings), else the temporary directory.
    static func scratch(_ prefix: String) -> URL {
        let shm = URL(fileURLWithPath: "/dev/shm")
        let base = FileManager.default.isWritableFile(atPath: shm.path) ? shm : FileManager.default.temporaryDirectory
        let url = base.appendingPathComponent("paypage-\(prefix)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A workspace in a temporary folder: the repository's records (optionally the invoices and
/// demo history) and themes.
final class HardeningWorkspace: @unchecked Sendable {
    let root: URL

    init(_ prefix: String, invoices: Bool = true, themes: Bool = true) throws {
        root = Hardening.scratch(prefix)
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("Records"), withIntermediateDirectories: true)
        let records = Hardening.repository.appendingPathComponent("Records")
        for item in ["business.json", "businesses", "replies.json"] + (invoices ? ["invoices", "demo-history.json"] : []) {
            try fm.copyItem(at: records.appendingPathComponent(item), to: root.appendingPathComponent("Records/\(item)"))
        }
        if !invoices {
            try fm.createDirectory(at: root.appendingPathComponent("Records/invoices"), withIntermediateDirectories: true)
        }
        if themes {
            try fm.copyItem(at: Hardening.repository.appendingPathComponent("Themes"), to: root.appendingPathComponent("Themes"))
        }
    }

    deinit {
        if ProcessInfo.processInfo.environment["PAYPAGE_HARDENING_KEEP"] == nil {
            try? FileManager.default.removeItem(at: root)
        }
    }

    var output: URL { root.appendingPathComponent("Output") }
    var ledgerURL: URL { root.appendingPathComponent(".paypage/ledger.sqlite") }

    /// `paypage ARGS --workspace ROOT`, to completion.
    func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> ProcessResult {
        try PayPageProcess.run(arguments + ["--workspace", root.path], timeout: timeout)
    }
}

struct ProcessResult: CustomStringConvertible, Sendable {
    var status: Int32
    /// True when the process died of a signal (then `status` is the signal number).
    var signaled: Bool
    var stdout: String
    var stderr: String
    var description: String { "\(signaled ? "signal" : "exit") \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}

enum HardeningError: Error, CustomStringConvertible {
    case missingBinary
    case timeout(String)
    case failed(String)
    var description: String {
        switch self {
        case .missingBinary: "paypage binary not found: run `swift build` first"
        case .timeout(let what): "\(what) did not finish in time"
        case .failed(let what): what
        }
    }
}

/// Runs the `paypage` binary (through `SpawnedProcess`, for the reason given there), reading its
/// output while it runs.
final class PayPageProcess: Sendable {
    private let child: SpawnedProcess
    private let arguments: [String]

    init(_ arguments: [String], environment extra: [String: String] = [:]) throws {
        guard let binary = Hardening.binary else { throw HardeningError.missingBinary }
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in extra { environment[key] = value }
        child = try SpawnedProcess(binary.path, arguments, environment: environment)
        self.arguments = arguments
    }

    var pid: Int32 { child.pid }
    var isRunning: Bool { child.isRunning }
    var stdout: String { String(decoding: child.stdoutSoFar, as: UTF8.self) }
    var stderr: String { String(decoding: child.stderrSoFar, as: UTF8.self) }

    func kill(_ signal: Int32 = SIGKILL) { child.signal(signal) }

    /// Waits for the exit (killing it at the deadline) and for both pipes to close.
    func wait(timeout: TimeInterval = 120) throws -> ProcessResult {
        let result = child.wait(timeout: timeout, timeoutSignal: SIGKILL)
        if result.timedOut { throw HardeningError.timeout("paypage \(arguments.joined(separator: " "))") }
        return ProcessResult(status: result.status, signaled: result.signaled,
                             stdout: result.stdoutText, stderr: result.stderrText)
    }

    static func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> ProcessResult {
        try PayPageProcess(arguments).wait(timeout: timeout)
    }
}

/// A value behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func mutate<R>(_ body: (inout Value) -> R) -> R { lock.withLock { body(&stored) } }
}

/// Runs `count` bodies on `count` real threads released together; false on timeout.
func runOnThreads(_ count: Int, timeout: TimeInterval = 120, _ body: @escaping @Sendable (Int) -> Void) -> Bool {
    let start = DispatchSemaphore(value: 0)
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            start.wait()
            body(index)
            group.leave()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    for _ in 0..<count { start.signal() }
    return group.wait(timeout: .now() + timeout) == .success
}

/// Files under `root` (recursively), as paths relative to it.
func filesUnder(_ root: URL) -> [String] {
    guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: []) else { return [] }
    var result: [String] = []
    let prefix = root.resolvingSymlinksInPath().path + "/"
    for case let url as URL in enumerator {
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
        let path = url.resolvingSymlinksInPath().path
        result.append(path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path)
    }
    return result.sorted()
}

extension Data {
    func contains(_ needle: Data) -> Bool { !needle.isEmpty && range(of: needle) != nil }
}
