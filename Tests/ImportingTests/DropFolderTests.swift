import Foundation
import Testing
@testable import Importing

struct DropFolderTests {
    func drop(_ ws: ImportWorkspace, _ name: String, _ bytes: [UInt8]) throws {
        let folder = DropFolder(paths: ws.paths)
        try FileManager.default.createDirectory(at: folder.inbox, withIntermediateDirectories: true)
        try Data(bytes).write(to: folder.inbox.appendingPathComponent(name))
    }

    func names(_ url: URL) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted() }

    @Test func aGoodFileIsImportedAndFiledAsDoneWithItsReport() throws {
        let ws = try ImportWorkspace()
        let folder = DropFolder(paths: ws.paths)
        try drop(ws, "garage.csv", try ImportWorkspace.sample("garage-ro-export.csv"))
        let filed = try #require(folder.importFile(named: "garage.csv"))
        #expect(filed.succeeded)
        #expect(names(folder.done) == ["garage.csv", "garage.csv.report.txt"])
        #expect(names(folder.inbox).filter { !$0.hasPrefix(".") } == ["done"])
        let report = try String(contentsOf: folder.done.appendingPathComponent("garage.csv.report.txt"), encoding: .utf8)
        #expect(report.contains("created   RO-2041"))
        #expect(try ws.loaded("RO-2041").invoice.lines.count == 4)
        // The same name again: kept beside the first, with the time in front.
        try drop(ws, "garage.csv", try ImportWorkspace.sample("garage-ro-export.csv"))
        let again = try #require(folder.importFile(named: "garage.csv"))
        #expect(again.report?.totalsLine == "Nothing changed: all 3 ROs are as already imported.")
        #expect(names(folder.done).count == 4)
    }

    @Test func aFileWithARefusedROGoesToFailedWithItsProblems() throws {
        let ws = try ImportWorkspace()
        let folder = DropFolder(paths: ws.paths)
        try drop(ws, "bad.csv", [UInt8](try Data(contentsOf: ImportWorkspace.fixture("invalid/bad-amounts.csv"))))
        let filed = try #require(folder.importFile(named: "bad.csv"))
        #expect(!filed.succeeded)
        #expect(names(folder.failed) == ["bad.csv", "bad.csv.report.txt"])
        let report = try String(contentsOf: folder.failed.appendingPathComponent("bad.csv.report.txt"), encoding: .utf8)
        #expect(report.contains("bad.csv:3: unit_price: \"12,3x\" is not an amount"))
        #expect(try ws.loaded("R3").invoice.lines.count == 1)
    }

    @Test func inboxSettingsChooseTheBusinessPrefixAndMapping() throws {
        let ws = try ImportWorkspace(demoInvoices: true)
        try Data("""
        {"business": "velo-laurier", "prefix": "VL-", "mapping": "Records/samples/atelier.mapping.json"}
        """.utf8).write(to: ws.paths.url(DropFolder.settingsFile))
        try FileManager.default.createDirectory(at: ws.paths.url("Records/samples"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ImportWorkspace.repository.appendingPathComponent("Records/samples/atelier-bons-de-travail.mapping.json"),
                                         to: ws.paths.url("Records/samples/atelier.mapping.json"))
        try drop(ws, "bons.csv", try ImportWorkspace.sample("atelier-bons-de-travail.csv"))
        let filed = try #require(DropFolder(paths: ws.paths).importFile(named: "bons.csv"))
        #expect(filed.succeeded, "\(filed.report?.text ?? filed.failure ?? "")")
        #expect(try ws.loaded("VL-BT-5522").businessKey == "velo-laurier")
    }

    @Test func brokenSettingsFailTheFileWithTheReason() throws {
        let ws = try ImportWorkspace()
        try Data(#"{"business": "nope"}"#.utf8).write(to: ws.paths.url(DropFolder.settingsFile))
        try drop(ws, "garage.csv", try ImportWorkspace.sample("garage-ro-export.csv"))
        let filed = try #require(DropFolder(paths: ws.paths).importFile(named: "garage.csv"))
        #expect(filed.failure?.hasPrefix("\"nope\" is not a business") == true)
        #expect(names(DropFolder(paths: ws.paths).failed) == ["garage.csv", "garage.csv.report.txt"])
    }

    @Test func temporaryAndHiddenFilesAreLeftAlone() throws {
        let ws = try ImportWorkspace()
        for name in [".gitkeep", "export.csv.part", "export.tmp", "export.csv~", "x.crdownload", "ready.csv"] { try drop(ws, name, [0x61]) }
        try FileManager.default.createDirectory(at: DropFolder(paths: ws.paths).done, withIntermediateDirectories: true)
        #expect(DropFolder(paths: ws.paths).look().map(\.name) == ["ready.csv"])
    }

    @Test func aClaimedFileIsImportedOnce() throws {
        let ws = try ImportWorkspace()
        try drop(ws, "garage.csv", try ImportWorkspace.sample("garage-ro-export.csv"))
        let folder = DropFolder(paths: ws.paths)
        #expect(folder.importFile(named: "garage.csv") != nil)
        #expect(folder.importFile(named: "garage.csv") == nil)
    }

    @Test func aClaimLeftByAStoppedServerGoesBackToTheInbox() throws {
        let ws = try ImportWorkspace()
        let folder = DropFolder(paths: ws.paths)
        try FileManager.default.createDirectory(at: folder.processing, withIntermediateDirectories: true)
        try Data([0x61]).write(to: folder.processing.appendingPathComponent("left.csv"))
        folder.recoverClaims()
        #expect(folder.look().map(\.name) == ["left.csv"])
    }

    /// Waits for the outcome with no clock of its own: while the page checks hold the test
    /// run's few threads, the watcher may not run for minutes, and only the time limit decides.
    @Test(.timeLimit(.minutes(10))) func theWatcherImportsAFileOnceItStopsChanging() async throws {
        let ws = try ImportWorkspace()
        let folder = DropFolder(paths: ws.paths)
        try drop(ws, "garage.csv", try ImportWorkspace.sample("garage-ro-export.csv"))
        let watcher = InboxWatcher(folder: folder, interval: .milliseconds(20), settle: .milliseconds(100))
        let task = Task { await watcher.run { _ in } }
        defer { task.cancel() }
        while !FileManager.default.fileExists(atPath: folder.done.appendingPathComponent("garage.csv.report.txt").path) {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(names(folder.done) == ["garage.csv", "garage.csv.report.txt"])
        #expect(try ws.loaded("RO-2043").invoice.lines.count == 4)
    }
}
