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
    /// Threads that parse records and read the ledger.
    var workers = 2

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
        let names = reader.invoiceFileNames()
        // Which requests have a record file; a request has a valid record when its key is
        // there and did not fail. Files are remembered only for keys used twice (case only).
        let keys = RecordKeys(fileNames: names)
        var failed = Set<String>()
        var firstValid: [String: String] = [:]
        var start = 0
        let businesses = self.businesses
        while start < names.count {
            let chunk = Array(names[start..<min(names.count, start + batchSize)])
            start += batchSize
            // A valid record's reference is its file name: its ledger rows are read while the
            // records are parsed, both on every core.
            let found = try batch(chunk.compactMap { try? Reference(String($0.dropLast(5))) })
            let parsed = ParallelWork.map(chunk.count, workers: workers) { i -> (Result<LoadedInvoice, RecordErrors>, RequestModel?) in
                let result = reader.loadInvoice(file: "\(RecordsReader.invoicesFolder)/\(chunk[i])", businesses: businesses)
                guard case .success(let record) = result, let (row, events) = found[record.invoice.reference.key] else { return (result, nil) }
                return (result, RequestModels.model(row: row, events: events, record: record, businesses: businesses))
            }
            var models: [RequestModel] = []
            for (name, (result, model)) in zip(chunk, parsed) {
                let file = "\(RecordsReader.invoicesFolder)/\(name)"
                let fileKey = RecordKeys.key(fileName: name)
                switch result {
                case .success(let loaded):
                    let key = loaded.invoice.reference.key
                    if keys.duplicated.contains(key) {
                        if let other = firstValid[key] {
                            invalidKeys.insert(fileKey)
                            invalidMessages.append(RecordError.duplicateReference(
                                file: file, reference: loaded.invoice.reference, other: "\(RecordsReader.invoicesFolder)/\(other)").description)
                            continue
                        }
                        firstValid[key] = name
                    }
                    // A record not in the ledger yet has no link: it is registered by the next sync.
                    guard found[key] != nil else { continue }
                    if let model { models.append(model) } else { invalidKeys.insert(key) }
                case .failure(let failure):
                    invalidKeys.insert(fileKey)
                    failed.insert(fileKey)
                    invalidMessages += failure.errors.map(\.description)
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
            let orphans = page.map(\.reference).filter { reference in
                let key = reference.key
                return firstValid[key] == nil && (!keys.contains(key) || failed.contains(key))
            }
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

    /// Rows and events of these requests, read in as many parts as there are workers (the
    /// ledger's readers run side by side; decoding the events is most of the work).
    private func batch(_ references: [Reference]) throws(GeneratorError) -> [String: (row: RequestRow, entries: [LedgerEntry])] {
        let parts = max(1, min(workers, references.count / 32))
        let size = (references.count + parts - 1) / max(parts, 1)
        let ledger = self.ledger
        let results = ParallelWork.map(parts, workers: parts) { p -> Result<[String: (row: RequestRow, entries: [LedgerEntry])], StoreError> in
            let slice = Array(references[min(references.count, p * size)..<min(references.count, (p + 1) * size)])
            do throws(StoreError) { return .success(try ledger.batch(slice)) } catch { return .failure(error) }
        }
        var merged: [String: (row: RequestRow, entries: [LedgerEntry])] = [:]
        for result in results {
            switch result {
            case .success(let part): merged.merge(part) { a, _ in a }
            case .failure(let error): throw .store(error)
            }
        }
        return merged
    }
}
