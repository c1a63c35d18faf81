import Foundation
import Testing

/// The staff console in a real browser: scripts/checks/console_flow.py serves a fresh demo
/// workspace, adds a clerk with `paypage staff add`, signs in through the form, finds a paid
/// request by the customer's phone, refunds part of it then the rest (each confirmed), finds both
/// refunds on the receipt, voids an open request after its confirmation, checks that the
/// customer's page says it is cancelled and offers no payment, marks another one paid in cash, and
/// sends a new quick payment with a saved reply whose live preview shows the customer's name and the
/// segment count (the outbox then holds that very text).
/// Skipped only when Chromium, chromedriver, python3 or selenium is missing (scripts/install-deps.sh --test).
@Suite("Staff console in a browser")
struct ConsoleBrowserTests {
    static let script = CLI.repository.appendingPathComponent("scripts/checks/console_flow.py")
    static let timeout: TimeInterval = 180

    static var missingTools: [String] {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        let found = { (tool: String) in path.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") } }
        var missing = ["chromium", "chromedriver", "python3"].filter { !found($0) }
        if missing.isEmpty, (try? PublicPageChecksTests.shell(["python3", "-c", "import selenium"], timeout: 60).status) != 0 {
            missing.append("python module selenium")
        }
        return missing
    }

    @Test("a clerk signs in, finds by phone, refunds in two steps, sees both on the receipt, voids (the customer's page shows it), marks paid",
          .enabled(if: CLI.isAvailable && ConsoleBrowserTests.missingTools.isEmpty,
                   "needs the paypage binary, chromium, chromedriver and python3 with selenium"))
    func clerkAtTheFrontDesk() throws {
        let binary = try #require(CLI.binary)
        let result = try PublicPageChecksTests.shell(["python3", Self.script.path, "--paypage", binary.path], timeout: Self.timeout)
        #expect(result.status == 0, "console_flow.py exited \(result.status):\n\(result.output)")
        #expect(result.output.contains("[console_flow] PASS"), "\(result.output)")
    }
}
