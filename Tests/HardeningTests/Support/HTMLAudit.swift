import Foundation
import ProcessTesting

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

    static func run(_ mode: String, _ folder: URL) throws -> Report {
        guard let python else { throw HardeningError.failed("python3 not found (needed for html.parser)") }
        let result = try SpawnedProcess.run(python, [script.path, mode, folder.path], timeout: 300)
        guard let report = try? JSONDecoder().decode(Report.self, from: result.stdout) else {
            throw HardeningError.failed("html_audit.py \(mode) failed: \(result.stderrText)")
        }
        return report
    }
}
