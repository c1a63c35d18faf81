import Billing
import Store
import Foundation
@testable import Generator
import Testing

/// Builds the demo workspace with every state, for looking at the pages:
/// `PAYPAGE_DEMO_OUTPUT=/tmp/demo swift test --filter DemoOutput` leaves the site in /tmp/demo.
/// Without the variable it still runs, as a smoke test of the whole demo.
struct DemoOutputTests {
    static func populate(_ ws: TestWorkspace) throws {
        try ws.registerAll()
        try ws.pay("RO-1001")
        try ws.refund("RO-1001", "45.00", reason: "Alignment not needed")
        try ws.refund("RO-1001", "24.95", reason: "Shop supplies waived")
        try ws.pay("RO-1002", method: PaymentMethod(kind: .applePay, cardBrand: "Mastercard", last4: "4444"))
        try ws.pay("RO-1003")
        try ws.refund("RO-1003", "100.00", reason: nil)
        try ws.void("RO-1004")
        try ws.pay("VET-3301", method: PaymentMethod(kind: .card, cardBrand: "Mastercard", last4: "4444"))
        let bike = try ws.loaded("VL-2025-014")
        let velo = ws.businesses.settings(for: bike.businessKey)!
        let plan = AffirmPlan(principal: try bike.invoice.totals(taxes: velo.taxes, currency: velo.currency).total, months: 12, aprBasisPoints: 1499)
        try ws.pay("VL-2025-014", method: PaymentMethod(kind: .affirm, affirmPlan: plan))
        try ws.pay("HV-RENT-1203")
        try ws.refund("HV-RENT-1203", "125.00", reason: "Parking not used in December")
        try ws.pay("HV-RENT-1204", method: PaymentMethod(kind: .googlePay, cardBrand: "Visa", last4: "1881"))
        try ws.void("HV-RENT-1205")
        try ws.pay("HV-RENT-1206", method: .offline(.etransfer))
        let at = ws.tick()
        try ws.ledger.transaction { tx in
            _ = try tx.enqueue(OutboxMessage(createdAt: at, to: try PhoneNumber("514 555-0118"),
                                             body: "Garage Tremblay & Fils: your car is ready. Pay here: http://127.0.0.1:8080/p/x/ STOP to opt out",
                                             kind: "request", reference: try Reference("RO-1001"), segments: 1, encoding: .gsm7))
            _ = try tx.enqueue(OutboxMessage(createdAt: at, to: try PhoneNumber("514 555-0118"),
                                             body: "Garage Tremblay & Fils : votre véhicule est prêt. Payez ici : http://127.0.0.1:8080/p/x/ — répondez ARRET pour ne plus recevoir de textos. Merci de votre confiance, à bientôt !",
                                             kind: "request", reference: try Reference("RO-1005"), segments: 3, encoding: .ucs2))
        }
        try ws.refund("HV-RENT-1206", "1650.00", reason: "Lease cancelled")
    }

    @Test func demoWorkspaceBuildsEveryPage() throws {
        let ws = try TestWorkspace()
        try Self.populate(ws)
        let summary = try ws.build()
        #expect(summary.requests == 24)
        #expect(summary.skipped.isEmpty)
        let token = try ws.token("RO-1001")
        for page in ["index.html", "fr/index.html", "en/index.html", "receipt/index.html", "receipt/fr/index.html", "receipt/en/index.html"] {
            #expect(ws.exists("public/p/\(token)/\(page)"), "\(page)")
        }
        if let target = ProcessInfo.processInfo.environment["PAYPAGE_DEMO_OUTPUT"] {
            let url = URL(fileURLWithPath: target)
            try? FileManager.default.removeItem(at: url)
            try FileManager.default.copyItem(at: ws.output, to: url)
            var lines: [String] = []
            for ref in ["RO-1001", "RO-1002", "RO-1003", "RO-1004", "RO-1005", "VET-3301", "VL-2025-014", "VL-2025-015", "HV-RENT-1203", "HV-RENT-1204", "HV-RENT-1205", "HV-RENT-1206", "HV-RENT-1207"] {
                lines.append("\(ref) \(try ws.token(ref))")
            }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url.appendingPathComponent("tokens.txt"))
        }
    }
}
