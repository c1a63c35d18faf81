import Billing
import Foundation
import Store

/// Keeps the ledger in step with `Records/`: new records get a ledger entry and a token;
/// open requests follow their record's amount and customer; paid ones stay frozen.
public struct SyncReport: Sendable {
    public var registered: [Reference] = []
    public var updated: [Reference] = []
    /// Problems in records (the build skips those requests; `check` lists them).
    public var recordErrors: [RecordError] = []
    /// Paid requests whose record was edited or deleted: reported, never applied.
    public var frozenChanges: [String] = []
    /// The records' signature taken before they were read (nil while one is unsettled): a
    /// build right after may vouch for the same records with it instead of taking it again.
    public var recordsSignature: UInt64?
}

extension RequestService {
    /// `settledAt`: real time, for the records' file times (the service's clock may be a test's
    /// or a replay's); records changed in the second before it are read whatever their signature.
    public func syncRecords(settledAt: Date = Date()) throws(OperationError) -> SyncReport {
        var report = SyncReport()
        // Records unchanged since the last sync that found no problem: nothing to register or update.
        let scan = RecordsSignature.scan(workspace: paths.root, now: settledAt)
        let signature = scan.whole
        report.recordsSignature = signature
        if let signature, (try? ledger.recordsStamp()) == signature { return report }
        // Only the records that changed since this ledger last saw them are read; the others
        // were valid and are in step (a sync of 10 000 records read them all: seconds).
        let files = scan.invoices
        let known = (try? ledger.recordFileSignatures()) ?? [:]
        var invoices: [LoadedInvoice] = []
        var errors: [RecordError] = []
        var seen: [String: String] = [:]
        // A valid record's reference is its file name.
        let unchanged = Set(files.filter { $0.signature != nil && known[$0.name] == $0.signature }.map(\.name))
        for name in unchanged { seen[String(name.dropLast(5)).lowercased()] = name }
        for file in files where !unchanged.contains(file.name) {
            let path = "\(RecordsReader.invoicesFolder)/\(file.name)"
            switch reader.loadInvoice(file: path, businesses: businesses) {
            case .success(let loaded):
                let key = loaded.invoice.reference.key
                if let other = seen[key], other != file.name {
                    errors.append(.duplicateReference(file: path, reference: loaded.invoice.reference, other: "\(RecordsReader.invoicesFolder)/\(other)"))
                    continue
                }
                seen[key] = file.name
                invoices.append(loaded)
            case .failure(let failure):
                errors += failure.errors
            }
        }
        report.recordErrors = errors
        let now = clock()
        try transaction { tx throws(OperationError) in
            for loaded in invoices {
                let invoice = loaded.invoice
                let business = businesses.settings(for: loaded.businessKey)!
                guard let total = try? invoice.totals(taxes: business.taxes, currency: business.currency).total else { continue }
                do throws(StoreError) {
                    guard let row = try tx.request(reference: invoice.reference) else {
                        _ = try tx.createRequest(reference: invoice.reference, amount: total, customerName: invoice.customer.name,
                                                 customerPhone: invoice.customer.phone, at: now, by: .importer)
                        report.registered.append(invoice.reference)
                        continue
                    }
                    let entries = try tx.entries(for: row.reference)
                    let state = RequestState(currentAmount: total, entries: entries)
                    if let payment = state.payment {
                        if payment.snapshot.invoice != invoice {
                            report.frozenChanges.append("\(loaded.file): edited after \(row.reference) was paid; the receipt keeps the invoice as paid")
                        }
                    } else if state.status == .open,
                              try tx.updateRequestSummary(reference: row.reference, amount: total, customerName: invoice.customer.name,
                                                          customerPhone: invoice.customer.phone, at: now) {
                        report.updated.append(row.reference)
                    }
                } catch { throw .store(error) }
            }
        }
        // Valid records read now are in step too; files gone are forgotten.
        let loadedNames = Set(invoices.map { ($0.file as NSString).lastPathComponent })
        var signatures: [String: UInt64] = [:]
        for file in files where loadedNames.contains(file.name) { if let signature = file.signature { signatures[file.name] = signature } }
        let present = Set(files.map(\.name))
        try storeCall { () throws(StoreError) in
            try ledger.setRecordFileSignatures(signatures, removing: known.keys.filter { !present.contains($0) })
        }
        if let signature, errors.isEmpty {
            try storeCall { () throws(StoreError) in try ledger.setRecordsStamp(signature) }
        }
        let rows: [RequestRow] = try storeCall { () throws(StoreError) in try ledger.requests() }
        let erroredFiles = Set(errors.map(\.file))
        for row in rows where seen[row.reference.key] == nil {
            let file = WorkspacePaths.invoiceFile(row.reference.value)
            guard !erroredFiles.contains(file) else { continue }
            let entries = (try? ledger.entries(for: row.reference)) ?? []
            if entries.contains(where: { if case .paid = $0.event { true } else { false } }) {
                report.frozenChanges.append("\(file): deleted after \(row.reference) was paid; its receipt stays")
            }
        }
        return report
    }
}
