import Billing
import Foundation
@testable import Generator
import Store

/// A throwaway workspace in a temporary folder: a copy of the demo `Records/` and the
/// repository's `Themes/`, and a ledger the test fills in.
final class TestWorkspace: @unchecked Sendable {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: URL
    let ledger: Ledger
    let businesses: Businesses
    /// A fixed clock: 2026-11-20 15:00 UTC, plus one minute per event.
    private(set) var now = Date(timeIntervalSince1970: 1_795_186_800)

    init(copyInvoices: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("paypage-gen-\(UUID().uuidString)", isDirectory: true)
        let fm = FileManager.default
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        try fm.copyItem(at: Self.repository.appendingPathComponent("Records"), to: root.appendingPathComponent("Records"))
        try fm.copyItem(at: Self.repository.appendingPathComponent("Themes"), to: root.appendingPathComponent("Themes"))
        if !copyInvoices {
            let invoices = root.appendingPathComponent("Records/invoices")
            for name in try fm.contentsOfDirectory(atPath: invoices.path) { try fm.removeItem(at: invoices.appendingPathComponent(name)) }
        }
        ledger = try Ledger(workspace: root)
        businesses = try RecordsReader(workspace: root).loadBusinesses()
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    var output: URL { root.appendingPathComponent("Output") }

    func tick() -> Date {
        now = now.addingTimeInterval(60)
        return now
    }

    func loaded(_ reference: String) throws -> LoadedInvoice {
        try RecordsReader(workspace: root).loadInvoice(file: "Records/invoices/\(reference).json", businesses: businesses).get()
    }

    /// Registers every record in the ledger (what `paypage sync` does).
    @discardableResult
    func registerAll() throws -> [String: String] {
        let (invoices, errors) = RecordsReader(workspace: root).loadInvoices(businesses: businesses)
        precondition(errors.isEmpty, "\(errors)")
        var tokens: [String: String] = [:]
        for loaded in invoices.sorted(by: { $0.invoice.reference < $1.invoice.reference }) {
            tokens[loaded.invoice.reference.value] = try register(loaded)
        }
        return tokens
    }

    func register(_ loaded: LoadedInvoice) throws -> String {
        let business = businesses.settings(for: loaded.businessKey)!
        let total = try loaded.invoice.totals(taxes: business.taxes, currency: business.currency).total
        let at = tick()
        return try ledger.transaction { tx in
            try tx.createRequest(reference: loaded.invoice.reference, amount: total, customerName: loaded.invoice.customer.name,
                                 customerPhone: loaded.invoice.customer.phone, at: at).value
        }
    }

    func token(_ reference: String) throws -> String {
        try ledger.request(reference: Reference(reference))!.token.value
    }

    private static let receiptCounter = Counter()

    func pay(_ reference: String, method: PaymentMethod = PaymentMethod(kind: .card, cardBrand: "Visa", last4: "4242")) throws {
        let loaded = try loaded(reference)
        let business = businesses.settings(for: loaded.businessKey)!
        let totals = try loaded.invoice.totals(taxes: business.taxes, currency: business.currency)
        let snapshot = InvoiceSnapshot(invoice: loaded.invoice, totals: totals, businessKey: loaded.businessKey)
        let at = tick()
        try ledger.transaction { tx in
            let number = try tx.nextNumber(.receipt)
            let payment = Payment(amount: totals.total, method: method, authorizationCode: "A1B2C3", receiptNumber: number, snapshot: snapshot)
            _ = try tx.append(.paid(payment), to: Reference(reference), at: at)
            _ = try tx.notifyStaff(about: Reference(reference), text: "\(reference) paid \(MoneyFormat.plain(totals.total))", at: at)
        }
    }

    func refund(_ reference: String, _ amount: String, reason: String?) throws {
        let at = tick()
        try ledger.transaction { tx in
            let number = try tx.nextNumber(.refund)
            let money = try Money.parse(amount, currency: .cad)
            _ = try tx.append(.refunded(Refund(amount: money, reason: reason, number: number)), to: Reference(reference), at: at)
        }
    }

    func void(_ reference: String) throws {
        let at = tick()
        try ledger.transaction { tx in _ = try tx.append(.voided(reason: "duplicate"), to: Reference(reference), at: at) }
    }

    func remind(_ reference: String) throws {
        let at = tick()
        try ledger.transaction { tx in _ = try tx.append(.reminded, to: Reference(reference), at: at) }
    }

    func build(_ options: BuildOptions = BuildOptions(parallelism: 2)) throws -> BuildSummary {
        try SiteBuilder(workspace: root).build(options)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(relative), encoding: .utf8)
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(relative).path)
    }

    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(relative))
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.withLock { value += 1; return value } }
}
