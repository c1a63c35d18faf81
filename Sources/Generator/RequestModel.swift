import Billing
import Foundation
import Store

/// One request as its pages show it: the invoice (the frozen snapshot once paid, else the
/// current record), its business, and the state folded from the ledger.
struct RequestModel: Sendable {
    var reference: Reference
    var token: String
    var invoice: Invoice
    var totals: InvoiceTotals
    var businessKey: String
    var business: BusinessSettings
    var state: RequestState
    var createdAt: Date
    /// Hash of the record file (0 when rendered from the paid snapshot alone).
    var recordHash: UInt64
    var entries: [LedgerEntry]

    /// The language of the language-neutral page and of the text message.
    var preferredLanguage: Language { invoice.customer.language ?? business.defaultLanguage }

    var hasReceipt: Bool { state.status.wasPaid }
}

/// Building models from the ledger and the records.
enum RequestModels {
    /// The paid snapshot when the request was paid (frozen: the receipt shows what was paid,
    /// whatever the record says now), else the record; nil when there is no record to render.
    static func model(row: RequestRow, events: [LedgerEntry], record: LoadedInvoice?, businesses: Businesses) -> RequestModel? {
        if let payment = events.lazy.compactMap({ entry -> Payment? in
            if case .paid(let payment) = entry.event { return payment }
            return nil
        }).first {
            let snapshot = payment.snapshot
            let businessKey = snapshot.businessKey ?? Businesses.mainKey
            let business = businesses.settings(for: businessKey) ?? businesses.main
            return RequestModel(
                reference: row.reference, token: row.token.value, invoice: snapshot.invoice, totals: snapshot.totals,
                businessKey: businessKey, business: business,
                state: RequestState(currentAmount: snapshot.totals.total, entries: events),
                createdAt: row.createdAt, recordHash: 0, entries: events)
        }
        guard let record, let business = businesses.settings(for: record.businessKey),
              let totals = try? record.invoice.totals(taxes: business.taxes, currency: business.currency) else { return nil }
        return RequestModel(
            reference: row.reference, token: row.token.value, invoice: record.invoice, totals: totals,
            businessKey: record.businessKey, business: business,
            state: RequestState(currentAmount: totals.total, entries: events),
            createdAt: row.createdAt, recordHash: record.contentHash, entries: events)
    }

    /// One request alone: its ledger row and events, and its record unless it is paid (frozen).
    /// Nil when it has no row, or no valid record to render from.
    static func loadOne(_ reference: Reference, paths: WorkspacePaths, businesses: Businesses,
                        ledger: Ledger) throws(GeneratorError) -> RequestModel? {
        let found: [String: (row: RequestRow, entries: [LedgerEntry])]
        do { found = try ledger.batch([reference]) } catch { throw .store(error) }
        guard let (row, events) = found[reference.key] else { return nil }
        if let model = model(row: row, events: events, record: nil, businesses: businesses) { return model }
        let reader = RecordsReader(workspace: paths.root)
        guard case .success(let loaded) = reader.loadInvoice(file: WorkspacePaths.invoiceFile(row.reference.value), businesses: businesses),
              loaded.invoice.reference.key == row.reference.key else { return nil }
        return model(row: row, events: events, record: loaded, businesses: businesses)
    }
}
