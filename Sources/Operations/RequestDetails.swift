import Billing
import Foundation
import Store

/// Everything about one request at one moment: its row, invoice, business and derived state.
/// A paid request's invoice is its frozen snapshot, whatever its record now says.
package struct RequestDetails: Sendable {
    package var row: RequestRow
    package var invoice: Invoice
    package var businessKey: String
    package var business: BusinessSettings
    package var totals: InvoiceTotals
    package var entries: [LedgerEntry]
    package var state: RequestState

    package var reference: Reference { row.reference }
    package var link: String { business.link(token: row.token.value) }
}

extension RequestService {
    /// The record of a request, or nil if its file was deleted.
    func loadRecord(_ reference: Reference) throws(OperationError) -> LoadedInvoice? {
        let file = WorkspacePaths.invoiceFile(reference.value)
        guard FileManager.default.fileExists(atPath: paths.url(file).path) else { return nil }
        switch reader.loadInvoice(file: file, businesses: businesses) {
        case .success(let loaded): return loaded
        case .failure(let errors): throw .records(errors.errors)
        }
    }

    /// The request as the transaction sees it: what a change checks its rules against.
    package func context(_ reference: Reference, in tx: LedgerTransaction) throws(OperationError) -> RequestDetails {
        let row = try row(reference, in: tx)
        let entries: [LedgerEntry] = try storeCall { () throws(StoreError) in try tx.entries(for: row.reference) }
        return try details(row, entries: entries)
    }

    /// The request for display (`show`, the checkout's pages): plain reads, no write lock, so
    /// viewing never waits behind payments.
    package func details(_ row: RequestRow) throws(OperationError) -> RequestDetails {
        let entries = try storeCall { () throws(StoreError) in try ledger.entries(for: row.reference) }
        return try details(row, entries: entries)
    }

    func details(_ row: RequestRow, entries: [LedgerEntry]) throws(OperationError) -> RequestDetails {
        let reference = row.reference
        let paid = entries.lazy.compactMap { entry -> Payment? in
            if case .paid(let payment) = entry.event { return payment }
            return nil
        }.first
        if let paid {
            let key = paid.snapshot.businessKey ?? Businesses.mainKey
            guard let business = businesses.settings(for: key) else {
                throw .notFound(.businessOfRequest(reference: reference.value, business: key))
            }
            let snapshot = paid.snapshot
            return RequestDetails(row: row, invoice: snapshot.invoice, businessKey: key, business: business, totals: snapshot.totals,
                                  entries: entries, state: RequestState(currentAmount: snapshot.totals.total, entries: entries))
        }
        guard let loaded = try loadRecord(row.reference) else {
            throw .notFound(.recordOfRequest(reference: reference.value, file: WorkspacePaths.invoiceFile(row.reference.value)))
        }
        let business = businesses.settings(for: loaded.businessKey)!
        let totals: InvoiceTotals
        do { totals = try loaded.invoice.totals(taxes: business.taxes, currency: business.currency) } catch {
            throw .records([RecordError(file: loaded.file, path: "lines", problem: error.description)])
        }
        return RequestDetails(row: row, invoice: loaded.invoice, businessKey: loaded.businessKey, business: business, totals: totals,
                              entries: entries, state: RequestState(currentAmount: totals.total, entries: entries))
    }

    /// A request's details for display (`request show`, `receipt`).
    package func context(_ reference: String) throws(OperationError) -> RequestDetails {
        let reference = try parseReference(reference)
        guard let row = try storeCall({ () throws(StoreError) in try ledger.request(reference: reference) }) else {
            throw .notFound(.request(reference: reference.value))
        }
        return try details(row)
    }

    package func rules(_ business: BusinessSettings) -> RequestRules { RequestRules(settings: business, now: clock()) }

    package func check(_ reference: Reference, _ body: () throws(BillingError) -> Void) throws(OperationError) {
        do { try body() } catch { throw .notAllowed(reference: reference.value, error) }
    }
}
