import Foundation
import Testing
@testable import Importing

/// Exports that must fail, each with the exact messages it must give (`NAME.expected`).
struct InvalidFixtureTests {
    static let names = ["bad-amounts", "bad-values", "too-many-fields", "unterminated", "missing-columns", "undefined-bytes",
                        "text-after-quote", "bad-reference"]

    /// ROs each fixture still imports: the others are refused.
    static let imported: [String: [String]] = [
        "bad-amounts": ["R3"], "bad-values": [], "too-many-fields": ["R2"], "unterminated": [], "missing-columns": [],
        "undefined-bytes": ["R1"], "text-after-quote": ["R2"], "bad-reference": ["R2"],
    ]

    @Test(arguments: names)
    func failsWithExactMessages(name: String) throws {
        let ws = try ImportWorkspace()
        let bytes = [UInt8](try Data(contentsOf: ImportWorkspace.fixture("invalid/\(name).csv")))
        let expected = try String(contentsOf: ImportWorkspace.fixture("invalid/\(name).expected"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let report = try ws.run(bytes, name: "\(name).csv")
        #expect(report.hasFailures)
        #expect(report.allIssues.map(\.description) == expected)
        let created = report.orders.filter { $0.outcome == .created }.map(\.reference)
        #expect(created == Self.imported[name])
        #expect(ws.snapshot().keys.filter { $0.contains("/Records/invoices/") }.count == created.count)
        if report.orders.isEmpty { #expect(report.totalsLine == "Nothing imported: the file cannot be read as a whole.") }
    }
}
