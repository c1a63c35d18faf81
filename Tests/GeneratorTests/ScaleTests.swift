import Billing
import Foundation
@testable import Generator
import Store
import Testing

/// `PAYPAGE_SCALE=5000 swift test -c release --filter Scale` builds that many requests and prints
/// the timings (first build, no-change build, one-event build). Skipped without the variable.
struct ScaleTests {
    @Test func manyRequests() throws {
        guard let text = ProcessInfo.processInfo.environment["PAYPAGE_SCALE"], let count = Int(text) else { return }
        let ws = try TestWorkspace(copyInvoices: false)
        let template = try String(contentsOf: TestWorkspace.repository.appendingPathComponent("Records/invoices/RO-1001.json"), encoding: .utf8)
        var rows: [(Reference, Money, PhoneNumber)] = []
        let business = ws.businesses.main
        for i in 0..<count {
            let reference = "S-\(i)"
            let record = template.replacingOccurrences(of: "\"RO-1001\"", with: "\"\(reference)\"")
            try ws.write("Records/invoices/\(reference).json", record)
            let loaded = try ws.loaded(reference)
            let total = try loaded.invoice.totals(taxes: business.taxes, currency: business.currency).total
            rows.append((try Reference(reference), total, loaded.invoice.customer.phone))
        }
        let at = ws.tick()
        try ws.ledger.transaction { tx in
            for (reference, total, phone) in rows {
                _ = try tx.createRequest(reference: reference, amount: total, customerName: "Customer \(reference)", customerPhone: phone, at: at)
            }
        }
        let first = try ws.build(BuildOptions(parallelism: ProcessInfo.processInfo.environment["PAYPAGE_WORKERS"].flatMap(Int.init)))
        print("scale \(count): first \(first)")
        let second = try ws.build(BuildOptions())
        print("scale \(count): unchanged \(second)")
        #expect(second.written == 0)
        try ws.pay("S-7")
        let third = try ws.build(BuildOptions())
        print("scale \(count): one event \(third)")
    }
}
