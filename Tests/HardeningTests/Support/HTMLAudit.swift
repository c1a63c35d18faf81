import Foundation

/// Runs scripts/hardening/html_audit.py (Python's html.parser) over a folder.
enum HTMLAudit {
    struct Report: Decodable, Sendable {
        var mode: String
        var files: Int
        var problems: [String]
        var leftovers: [String]?
    }

    static let script = Hardening.repository.appendingPathComponent("scripts/hardening/html_audit.py")

    static var python: String? {
        for candidate in ["/usr/bin/python3", "/usr/local/bin/python3"] where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
            .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Foundation's `Process`, not swift-subprocess: that is async only, and the crash and XSS tests call this synchronously.
    static func run(_ mode: String, _ folder: URL) throws -> Report {
        guard let python else { throw HardeningError.failed("python3 not found (needed for html.parser)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, mode, folder.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let report = try? JSONDecoder().decode(Report.self, from: data) else {
            throw HardeningError.failed("html_audit.py \(mode) failed: \(String(decoding: errors, as: UTF8.self))")
        }
        return report
    }
}
