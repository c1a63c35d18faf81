import Billing
import Foundation
import Store

extension Importer {
    /// Decides each RO's outcome against the ledger and, unless `dryRun`, writes the records and
    /// registers them in one ledger transaction: if anything fails, no record stays written.
    func apply(_ plans: [ImportPlan], business: BusinessSettings, fileName: String, dryRun: Bool) throws(ImportError) -> [ImportReport.Order] {
        guard !dryRun else {
            var results: [ImportReport.Order] = []
            for plan in plans {
                guard !plan.isRefused, let invoice = plan.invoice else { results.append(plan.result); continue }
                let request: (row: RequestRow, state: RequestState)?
                do throws(StoreError) {
                    if let ledger, let row = try ledger.request(reference: invoice.reference) {
                        request = (row, RequestState(currentAmount: row.amount, entries: try ledger.entries(for: row.reference)))
                    } else {
                        request = nil
                    }
                } catch { throw .store(error) }
                results.append(Self.decide(plan, request, onDisk: plan.existing, business))
            }
            return results
        }
        guard let ledger else { throw .store(.cannotOpen(path: paths.ledger.path, reason: "the ledger is not open")) }
        let now = clock()
        let source = (fileName as NSString).lastPathComponent
        var written: [(url: URL, previous: Data?)] = []
        do {
            return try ledger.transaction { tx in
                var results: [ImportReport.Order] = []
                for plan in plans {
                    guard !plan.isRefused, let invoice = plan.invoice, let record = plan.record, let file = plan.file,
                          let total = plan.result.total else {
                        results.append(plan.result)
                        continue
                    }
                    var request: (row: RequestRow, state: RequestState)?
                    if let row = try tx.request(reference: invoice.reference) {
                        request = (row, RequestState(currentAmount: row.amount, entries: try tx.entries(for: row.reference)))
                    }
                    let onDisk = try? RecordDecoder().decode(InvoiceRecord.self, at: paths.url(file), file: file)
                    var result = Self.decide(plan, request, onDisk: onDisk, business)
                    switch result.outcome {
                    case .created:
                        let token = try tx.createRequest(reference: invoice.reference, amount: total, customerName: invoice.customer.name,
                                                         customerPhone: invoice.customer.phone, at: now, by: .importer)
                        result.link = business.link(token: token.value)
                        written.append(try write(record, to: paths.url(file)))
                    case .updated:
                        try tx.updateRequestSummary(reference: invoice.reference, amount: total, customerName: invoice.customer.name,
                                                    customerPhone: invoice.customer.phone, at: now)
                        _ = try tx.append(.updatedFromImport(amount: total, file: source), to: invoice.reference, at: now, by: .importer)
                        written.append(try write(record, to: paths.url(file)))
                    case .unchanged, .frozen, .refused:
                        break
                    }
                    results.append(result)
                }
                return results
            }
        } catch {
            // The ledger rolled back (or never committed): put the records back as they were.
            for entry in written.reversed() {
                if let previous = entry.previous { try? AtomicFile.write(previous, to: entry.url) } else { try? FileManager.default.removeItem(at: entry.url) }
            }
            if let error = error as? StoreError { throw .store(error) }
            throw .store(.database(path: ledger.path, operation: "import \(source)", message: "\(error)"))
        }
    }

    /// The outcome, link and status of a planned RO, given its request (nil: not registered).
    static func decide(_ plan: ImportPlan, _ request: (row: RequestRow, state: RequestState)?, onDisk: InvoiceRecord?,
                       _ business: BusinessSettings) -> ImportReport.Order {
        var result = plan.result
        result.outcome = plan.outcome(request, onDisk: onDisk)
        if let request {
            result.link = business.link(token: request.row.token.value)
            if request.state.status != .open { result.status = request.state.status }
        }
        return result
    }

    /// Writes a record as `request new` does (sorted keys, so imports diff well); returns what it replaced.
    private func write(_ record: InvoiceRecord, to url: URL) throws -> (url: URL, previous: Data?) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(record) + Data("\n".utf8)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let previous = try? Data(contentsOf: url)
        try AtomicFile.write(data, to: url)
        return (url, previous)
    }
}
