import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `paypage serve --port 0` in a child process: its port, and everything it printed.
final class ServeProcess: @unchecked Sendable {
    let process: PayPageProcess
    let port: Int

    init(_ workspace: HardeningWorkspace, extra: [String] = ["--no-reload"]) throws {
        process = try PayPageProcess(["serve", "--port", "0", "--workspace", workspace.root.path] + extra)
        // Ready when it prints its address, however long a loaded machine takes (or it exits).
        var found: Int?
        while process.isRunning {
            if let match = process.stdout.firstMatch(of: /Serving http:\/\/127\.0\.0\.1:([0-9]+)\//), let port = Int(match.1) {
                found = port
                break
            }
            usleep(20_000)
        }
        guard let found else {
            process.kill()
            _ = try? process.wait(timeout: 10)
            throw HardeningError.failed("paypage serve did not start: \(process.stdout) \(process.stderr)")
        }
        port = found
    }

    /// SIGTERM (graceful), then the captured output.
    func stop() throws -> ProcessResult {
        process.kill(SIGTERM)
        return try process.wait(timeout: 30)
    }
}
