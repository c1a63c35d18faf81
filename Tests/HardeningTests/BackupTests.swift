import Foundation
import Operations
import Store
import Testing

/// Item 7: a backup taken while payments and refunds go on holds every payment acknowledged
/// before it began, and restores into a sound ledger.
@Suite("Backup under load", .serialized)
struct BackupTests {
    @Test("Ledger.backup and `paypage backup` under load; restore finds every payment acknowledged before")
    func backupUnderLoad() throws {
        let workspace = try HardeningWorkspace("backup", invoices: false)
        let paths = WorkspacePaths(root: workspace.root)
        let count = Hardening.isLong ? 1500 : 300
        let service = try RequestService.open(paths)
        for index in 0..<count {
            _ = try service.create(NewRequest(reference: String(format: "B-%04d", index), customerName: "Client \(index)",
                                              phone: "514-555-0100", amount: "60.00", send: false))
        }
        // The load: another connection (as another process would) pays and refunds until told to stop.
        let acknowledged = Locked<[String]>([])
        let stop = Locked(false)
        let loadDone = DispatchSemaphore(value: 0)
        let loader = try RequestService.open(paths)
        Thread.detachNewThread {
            var index = 0
            while !stop.value && index < count {
                let reference = String(format: "B-%04d", index)
                if (try? loader.markPaid(reference, method: .cash)) != nil {
                    acknowledged.mutate { $0.append(reference) }
                    if index % 3 == 0 { _ = try? loader.refund(reference, amount: "5.00", reason: nil) }
                }
                index += 1
            }
            loadDone.signal()
        }
        while acknowledged.value.count < 40 { usleep(1_000) }
        let rounds = Hardening.isLong ? 10 : 3
        var backups: [(URL, Set<String>)] = []
        for round in 0..<rounds {
            let before = Set(acknowledged.value)
            let file = workspace.root.appendingPathComponent("backup-\(round).sqlite")
            if round % 2 == 0 || Hardening.binary == nil {
                try Ledger(fileURL: paths.ledger).backup(to: file)
            } else {
                let result = try workspace.run(["backup", file.path])
                #expect(result.status == 0, "\(result)")
            }
            backups.append((file, before))
            usleep(50_000)
        }
        let progressDuringBackups = acknowledged.value.count
        stop.mutate { $0 = true }
        loadDone.wait()
        #expect(progressDuringBackups > backups.first!.1.count, "no payment went on during the backups")

        for (index, (file, before)) in backups.enumerated() {
            let target = try HardeningWorkspace("restore", invoices: false)
            if index % 2 == 0 || Hardening.binary == nil {
                try Ledger(fileURL: target.ledgerURL).restore(from: file)
            } else {
                let result = try target.run(["restore", file.path])
                #expect(result.status == 0, "\(result)")
            }
            let restored = try Ledger(fileURL: target.ledgerURL)
            #expect(try restored.integrityCheck().isEmpty)
            var paid: [String: Int] = [:]
            var refunded: [String: Int64] = [:]
            for entry in try restored.allEntries() {
                if case .paid = entry.event { paid[entry.reference.value, default: 0] += 1 }
                if case .refunded(let refund) = entry.event { refunded[entry.reference.value, default: 0] += refund.amount.minorUnits }
            }
            let missing = before.filter { paid[$0] != 1 }
            #expect(missing.isEmpty, "backup \(index): \(missing.count) acknowledged payments missing, e.g. \(missing.sorted().prefix(5))")
            #expect(refunded.allSatisfy { paid[$0.key] == 1 && $0.value <= 6_000 })
            try restored.close()
        }
        try service.ledger.close()
        try loader.ledger.close()
    }
}
