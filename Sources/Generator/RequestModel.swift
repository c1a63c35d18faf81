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

/// Everything a build reads, read once: businesses, valid records, the whole ledger.
struct SiteInputs: Sendable {
    var businesses: Businesses
    var models: [RequestModel]
    /// Request keys whose record is invalid: their pages are left alone.
    var invalidKeys: Set<String>
    var invalidMessages: [String]
    var withoutRecord: [String]
    var outbox: [OutboxMessage]
    var notifications: [StaffNotification]

    /// One request alone: its ledger row and events, and its record unless it is paid (frozen).
    /// Nil when it has no row, or no valid record to render from.
    static func loadOne(_ reference: Reference, paths: WorkspacePaths, businesses: Businesses,
                        ledger: Ledger) throws(GeneratorError) -> RequestModel? {
        let row: RequestRow
        let events: [LedgerEntry]
        do {
            guard let found = try ledger.request(reference: reference) else { return nil }
            row = found
            events = try ledger.entries(for: row.reference)
        } catch { throw .store(error) }
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
        let reader = RecordsReader(workspace: paths.root)
        guard case .success(let loaded) = reader.loadInvoice(file: WorkspacePaths.invoiceFile(row.reference.value), businesses: businesses),
              loaded.invoice.reference.key == row.reference.key,
              let business = businesses.settings(for: loaded.businessKey),
              let totals = try? loaded.invoice.totals(taxes: business.taxes, currency: business.currency) else { return nil }
        return RequestModel(
            reference: row.reference, token: row.token.value, invoice: loaded.invoice, totals: totals,
            businessKey: loaded.businessKey, business: business,
            state: RequestState(currentAmount: totals.total, entries: events),
            createdAt: row.createdAt, recordHash: loaded.contentHash, entries: events)
    }

    static func load(workspace: URL) throws(GeneratorError) -> SiteInputs {
        let paths = WorkspacePaths(root: workspace)
        let reader = RecordsReader(workspace: paths.root)
        let businesses: Businesses
        do { businesses = try reader.loadBusinesses() } catch { throw .records(error.errors) }
        let (invoices, errors) = reader.loadInvoices(businesses: businesses)
        var invalidKeys = Set<String>()
        for error in errors {
            let stem = (error.file as NSString).lastPathComponent
            if stem.hasSuffix(".json") { invalidKeys.insert(String(stem.dropLast(5)).lowercased()) }
        }
        let records = Dictionary(invoices.map { ($0.invoice.reference.key, $0) }, uniquingKeysWith: { a, _ in a })

        let rows: [RequestRow]
        let entries: [LedgerEntry]
        let outbox: [OutboxMessage]
        let notifications: [StaffNotification]
        do {
            let ledger = try Ledger(fileURL: paths.ledger)
            rows = try ledger.requests()
            entries = try ledger.allEntries()
            outbox = try ledger.outbox()
            notifications = try ledger.notifications(limit: 500)
        } catch { throw .store(error) }
        let grouped = Dictionary(grouping: entries, by: { $0.reference.key })

        var models: [RequestModel] = []
        var withoutRecord: [String] = []
        models.reserveCapacity(rows.count)
        for row in rows {
            let key = row.reference.key
            let events = grouped[key] ?? []
            let payment = events.lazy.compactMap { entry -> Payment? in
                if case .paid(let payment) = entry.event { return payment }
                return nil
            }.first
            if let payment {
                // Frozen: the receipt is rendered from the snapshot, whatever the record says now.
                let snapshot = payment.snapshot
                let businessKey = snapshot.businessKey ?? Businesses.mainKey
                let business = businesses.settings(for: businessKey) ?? businesses.main
                models.append(RequestModel(
                    reference: row.reference, token: row.token.value, invoice: snapshot.invoice, totals: snapshot.totals,
                    businessKey: businessKey, business: business,
                    state: RequestState(currentAmount: snapshot.totals.total, entries: events),
                    createdAt: row.createdAt, recordHash: 0, entries: events))
                continue
            }
            guard let loaded = records[key] else {
                if !invalidKeys.contains(key) { withoutRecord.append(row.reference.value) }
                continue
            }
            let business = businesses.settings(for: loaded.businessKey)!
            guard let totals = try? loaded.invoice.totals(taxes: business.taxes, currency: business.currency) else {
                invalidKeys.insert(key)
                continue
            }
            models.append(RequestModel(
                reference: row.reference, token: row.token.value, invoice: loaded.invoice, totals: totals,
                businessKey: loaded.businessKey, business: business,
                state: RequestState(currentAmount: totals.total, entries: events),
                createdAt: row.createdAt, recordHash: loaded.contentHash, entries: events))
        }
        return SiteInputs(businesses: businesses, models: models, invalidKeys: invalidKeys,
                          invalidMessages: errors.map(\.description), withoutRecord: withoutRecord,
                          outbox: outbox, notifications: notifications)
    }
}
