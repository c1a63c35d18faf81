import Bench
import Billing
import Foundation
import Operations
import Store
import Testing

/// The synthetic workspace's structure (never its speed: timings belong in `paypage bench`).
@Suite struct SyntheticWorkspaceTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func make(_ invoices: Int, seed: UInt64 = 7) throws -> (SyntheticWorkspace, SyntheticWorkspace.Summary) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-test-\(UUID().uuidString)")
        let workspace = SyntheticWorkspace(root: root, options: .init(invoices: invoices, seed: seed))
        let summary = try workspace.create(themes: Self.repository.appendingPathComponent("Themes"))
        return (workspace, summary)
    }

    @Test func twentyInvoicesHaveRecordsLedgerAndAMixOfStates() throws {
        let (workspace, summary) = try make(20)
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let fm = FileManager.default
        #expect(fm.fileExists(atPath: workspace.paths.url(RecordsReader.businessFile).path))
        #expect(fm.fileExists(atPath: workspace.paths.themes.appendingPathComponent("default/theme.json").path))
        let files = try fm.contentsOfDirectory(atPath: workspace.paths.invoices.path).filter { $0.hasSuffix(".json") }
        #expect(files.count == 20)
        #expect(summary.invoices == 20)
        #expect(summary.open + summary.paid + summary.partiallyRefunded + summary.refunded + summary.voided == 20)
        #expect(summary.french + summary.english == 20)
        #expect(summary.openReferences.count == summary.open)

        // Every record is valid and has 1–8 lines; the ledger knows every request with its state.
        let service = try RequestService.open(workspace.paths)
        let (invoices, errors) = RecordsReader(workspace: workspace.root).loadInvoices(businesses: service.businesses)
        #expect(errors.isEmpty)
        #expect(invoices.allSatisfy { (1...8).contains($0.invoice.lines.count) })
        let list = try service.list()
        #expect(list.count == 20)
        var statuses: [RequestStatus: Int] = [:]
        for request in list { statuses[request.status, default: 0] += 1 }
        #expect(statuses[.open, default: 0] == summary.open)
        #expect(statuses[.paid, default: 0] == summary.paid)
        #expect(statuses[.voided, default: 0] == summary.voided)
        #expect(statuses[.refunded, default: 0] == summary.refunded)
        #expect(statuses[.partiallyRefunded, default: 0] == summary.partiallyRefunded)
    }

    @Test func theSameSeedMakesTheSameRecords() throws {
        let (a, _) = try make(5, seed: 42)
        let (b, _) = try make(5, seed: 42)
        defer {
            try? FileManager.default.removeItem(at: a.root)
            try? FileManager.default.removeItem(at: b.root)
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: a.paths.invoices.path) {
            let left = try Data(contentsOf: a.paths.invoices.appendingPathComponent(name))
            let right = try Data(contentsOf: b.paths.invoices.appendingPathComponent(name))
            #expect(left == right, "\(name) differs between two runs with the same seed")
        }
    }

    @Test func aLargerMixHasEveryState() throws {
        let (workspace, summary) = try make(120)
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        #expect(summary.open > 0 && summary.paid > 0 && summary.voided > 0)
        #expect(summary.refunded + summary.partiallyRefunded > 0)
        #expect(summary.withNotes > 0 && summary.withNotes < 120)
        #expect(summary.french > 0 && summary.english > 0)
    }
}
