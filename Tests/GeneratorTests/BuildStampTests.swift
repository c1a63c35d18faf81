import Billing
import Foundation
@testable import Generator
import Store
import Testing

/// A build that finds every input unchanged (records' metadata, ledger, themes, options) reads
/// nothing further and writes nothing; any change, or a missing page, makes it build again.
struct BuildStampTests {
    /// Options whose clock is a minute ahead, so the freshly written test records count as settled.
    static let settled: BuildOptions = {
        var options = BuildOptions(parallelism: 2)
        options.now = { Date().addingTimeInterval(60) }
        return options
    }()

    /// Three demo records registered, one paid (the incremental tests' workspace).
    func workspace() throws -> TestWorkspace { try IncrementalBuildTests().workspace() }

    @Test func unchangedInputsSkipTheWholeBuild() throws {
        let ws = try workspace()
        let first = try ws.build(Self.settled)
        #expect(!first.upToDate)
        #expect(ws.exists(BuildStamp.fileName))
        let second = try ws.build(Self.settled)
        #expect(second.upToDate)
        #expect(second.written == 0 && second.removed == 0 && second.rendered == 0)
        #expect(second.requests == 3)
        #expect(second.unchanged == first.written)
        #expect(second.description.contains("nothing changed"))
    }

    @Test(arguments: ["ledger", "record", "theme", "deleted page", "options", "force"])
    func anyChangeBuildsAgain(change: String) throws {
        let ws = try workspace()
        _ = try ws.build(Self.settled)
        var options = Self.settled
        let token = try ws.token("RO-1005")
        switch change {
        case "ledger": try ws.pay("RO-1005")
        case "record":
            let file = "Records/invoices/RO-1005.json"
            let text = try String(contentsOf: ws.root.appendingPathComponent(file), encoding: .utf8)
            try ws.write(file, text.replacingOccurrences(of: "\"RO-1005\"", with: "\"RO-1005\" "))
        case "theme": try ws.write("Themes/default/assets/css/theme.css", "body { color: #111; }\n")
        case "deleted page": try FileManager.default.removeItem(at: ws.output.appendingPathComponent("public/p/\(token)/index.html"))
        case "options": options.staffPageSize = 7
        default: options.force = true
        }
        let summary = try ws.build(options)
        #expect(!summary.upToDate, "\(change)")
        #expect(ws.exists("public/p/\(token)/index.html"))
        // The changed request is rendered again (a record edit that changes no page writes nothing).
        if ["ledger", "record", "theme"].contains(change) { #expect(summary.rendered > 0, "\(change)") }
        if ["ledger", "theme", "deleted page"].contains(change) { #expect(summary.written > 0, "\(change)") }
    }

    /// The signature a sync took before reading the records stands in for the build's own; one
    /// taken before a record changed no longer matches, so the next build builds again.
    @Test func aSignatureGivenByTheSyncIsUsedAndAnOlderOneRebuilds() throws {
        let ws = try workspace()
        var options = Self.settled
        options.recordsSignature = try #require(RecordsSignature.of(workspace: ws.root, now: options.now()))
        _ = try ws.build(options)
        #expect(try ws.build(Self.settled).upToDate)
        options.recordsSignature = 42  // records as they were before some change
        _ = try ws.build(options)
        #expect(try !ws.build(Self.settled).upToDate)
        #expect(try ws.build(Self.settled).upToDate)
    }

    @Test func recordsChangedWithinTheLastSecondGiveNoStamp() throws {
        let ws = try workspace()
        #expect(RecordsSignature.of(workspace: ws.root) == nil)
        #expect(RecordsSignature.of(workspace: ws.root, now: Date().addingTimeInterval(60)) != nil)
        _ = try ws.build(BuildOptions(parallelism: 2))
        #expect(!ws.exists(BuildStamp.fileName))
        #expect(try !ws.build(BuildOptions(parallelism: 2)).upToDate)
    }

    @Test func aPartialBuildRemovesTheStamp() throws {
        let ws = try workspace()
        _ = try ws.build(Self.settled)
        try ws.void("RO-1001")
        _ = try SiteBuilder(workspace: ws.root).buildRequestPages(only: [try Reference("RO-1001")], Self.settled)
        #expect(!ws.exists(BuildStamp.fileName))
        _ = try SiteBuilder(workspace: ws.root).build(only: [try Reference("RO-1001")], Self.settled)
        #expect(!ws.exists(BuildStamp.fileName))
        #expect(try !ws.build(Self.settled).upToDate)
        #expect(try ws.build(Self.settled).upToDate)
    }

    @Test func invalidRecordsAreReportedAgainWhenNothingChanged() throws {
        let ws = try workspace()
        try ws.write("Records/invoices/RO-BAD.json", "{ \"reference\": \"RO-BAD\"\t}")
        let first = try ws.build(Self.settled)
        #expect(first.skipped.count == 1)
        let second = try ws.build(Self.settled)
        #expect(second.upToDate)
        #expect(second.skipped == first.skipped)
    }
}
