import Billing
import Foundation
import Store

/// Walks a workspace's requests in batches, so a build holds one batch of records and events
/// at a time whatever the number of requests: the records (sorted by file name) with their
/// ledger rows and events, then the ledger's requests that have no valid record (paid ones
/// render from their snapshot).
struct RequestStream {
    let paths: WorkspacePaths
    let businesses: Businesses
    let ledger: Ledger
    var batchSize = 256

    /// Request keys whose record is invalid: their pages are left alone.
    private(set) var invalidKeys = Set<String>()
    private(set) var invalidMessages: [String] = []
    /// Requests in the ledger with neither a record nor a payment.
    private(set) var withoutRecord: [String] = []

    init(paths: WorkspacePaths, businesses: Businesses, ledger: Ledger) {
        self.paths = paths
        self.businesses = businesses
        self.ledger = ledger
    }

    mutating func forEachBatch(_ body: ([RequestModel]) throws(GeneratorError) -> Void) throws(GeneratorError) {
        let reader = RecordsReader(workspace: paths.root)
        // Valid record keys → file name, for the "already used" check and the second pass.
        var seen: [String: String] = [:]
        let names = reader.invoiceFileNames()
        var start = 0
        while start < names.count {
            let chunk = names[start..<min(names.count, start + batchSize)]
            start += batchSize
            var records: [LoadedInvoice] = []
            for name in chunk {
                let file = "\(RecordsReader.invoicesFolder)/\(name)"
                let stem = String(name.dropLast(5))
                switch reader.loadInvoice(file: file, businesses: businesses) {
                case .success(let loaded):
                    let key = loaded.invoice.reference.key
                    if let other = seen[key] {
                        invalidKeys.insert(stem.lowercased())
                        invalidMessages.append(RecordError(
                            file: file, path: "reference",
                            problem: "\"\(loaded.invoice.reference)\" is already used by \(RecordsReader.invoicesFolder)/\(other) (references are unique ignoring case)").description)
                        continue
                    }
                    seen[key] = name
                    records.append(loaded)
                case .failure(let failure):
                    invalidKeys.insert(stem.lowercased())
                    invalidMessages += failure.errors.map(\.description)
                }
            }
            let found = try batch(records.map(\.invoice.reference))
            var models: [RequestModel] = []
            for record in records {
                // A record not in the ledger yet has no link: it is registered by the next sync.
                guard let (row, events) = found[record.invoice.reference.key] else { continue }
                if let model = RequestModels.model(row: row, events: events, record: record, businesses: businesses) {
                    models.append(model)
                } else {
                    invalidKeys.insert(record.invoice.reference.key)
                }
            }
            try body(models)
        }

        // Requests of the ledger without a valid record, a page of the ledger at a time.
        var after: Int64 = 0
        while true {
            let page: [(row: Int64, reference: Reference)]
            do { page = try ledger.references(after: after, limit: batchSize * 4) } catch { throw .store(error) }
            guard let last = page.last else { break }
            after = last.row
            let orphans = page.map(\.reference).filter { seen[$0.key] == nil }
            guard !orphans.isEmpty else { continue }
            let found = try batch(orphans)
            var models: [RequestModel] = []
            for reference in orphans {
                guard let (row, events) = found[reference.key] else { continue }
                if let model = RequestModels.model(row: row, events: events, record: nil, businesses: businesses) {
                    models.append(model)
                } else if !invalidKeys.contains(reference.key) {
                    withoutRecord.append(row.reference.value)
                }
            }
            try body(models)
        }
    }

    private func batch(_ references: [Reference]) throws(GeneratorError) -> [String: (row: RequestRow, entries: [LedgerEntry])] {
        do { return try ledger.batch(references) } catch { throw .store(error) }
    }
}
