import Billing
import Foundation
import Generator
import Messaging
import Operations
import Publishing
import PreviewServer
import Store
import Testing

/// Item 4 (first half): XSS payloads in every text field of invoice records and business
/// settings render inert on every generated page, as Python's html.parser reads them.
@Suite("Hostile data: XSS payloads in records and settings", .serialized)
struct HostileDataTests {
    static func payloads() throws -> [String] {
        let text = try String(contentsOf: Hardening.fixture("xss.txt"), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    @Test("the fixture holds at least 150 distinct payloads")
    func fixtureSize() throws {
        let payloads = try Self.payloads()
        #expect(payloads.count >= 150)
        #expect(Set(payloads).count == payloads.count)
    }

    @Test("brackets in a customer's name or meta do not block their texts nor their payment's confirmation")
    func bracketsInDataAreNotUnfilledText() throws {
        let workspace = try HardeningWorkspace("brackets", invoices: false)
        let service = try RequestService.open(WorkspacePaths(root: workspace.root))
        let created = try service.create(NewRequest(reference: "BR-1", customerName: "Roy [Johnny] Tremblay", phone: "514-555-0100",
                                                    amount: "40.00", send: true))
        #expect(created.outcome != nil)
        let paid = try service.markPaid("BR-1", method: .cash)  // the automatic confirmation is composed in the same transaction
        #expect(paid.confirmationQueued)
        #expect(try service.overview("BR-1").status == .paid)
        // A saved reply whose own text has [brackets] left to fill in is refused.
        #expect(throws: OperationError.self) {
            let replies = SavedReplies(replies: [SavedReply(name: "todo", en: "Hi { customer.name }, see you [insert date]",
                                                           fr: "Bonjour { customer.name }, à [insérer la date]")])
            _ = try RequestMessages(business: service.businesses.main, replies: replies)
                .compose(.paymentRequest, reply: "todo", invoice: try service.context("BR-1").invoice,
                         amount: paid.amount, link: "http://127.0.0.1:8080/p/x/")
        }
    }

    @Test("every payload in every record and business field renders inert on every page")
    func payloadsRenderInert() throws {
        let payloads = try Self.payloads()
        let workspace = try HardeningWorkspace("xss", invoices: false)
        let records = workspace.root.appendingPathComponent("Records")
        let template = try JSONSerialization.jsonObject(with: Data(contentsOf: records.appendingPathComponent("businesses/velo-laurier.json"))) as! [String: Any]
        for (index, payload) in payloads.enumerated() {
            let key = String(format: "xss-%03d", index)
            // Business settings: one business per payload, every free-text field carrying it.
            var business = template
            business["companyName"] = payload
            business["email"] = payload
            business["website"] = payload
            business["address"] = ["street": payload, "city": payload, "province": index % 2 == 0 ? "QC" : "ON", "postalCode": payload]
            business["theme"] = index % 3 == 0 ? "harbour" : "default"
            business["defaultLanguage"] = index % 2 == 0 ? "fr" : "en"
            business["bilingualReceipts"] = index % 4 == 0
            var taxes = (template["taxes"] as? [[String: Any]]) ?? []
            for i in taxes.indices {
                taxes[i]["name"] = ["fr": payload, "en": payload]
                taxes[i]["number"] = payload
            }
            business["taxes"] = taxes
            try JSONSerialization.data(withJSONObject: business, options: [.prettyPrinted])
                .write(to: records.appendingPathComponent("businesses/\(key).json"))
            // The invoice: customer, email (made to pass the address check), meta, appointment, lines, notes.
            let email = payload.filter { $0 != " " && $0 != "@" && !$0.isNewline } + "@x.example"
            let invoice: [String: Any] = [
                "reference": String(format: "X-%03d", index),
                "business": key,
                "customer": [
                    "name": payload, "phone": "514-555-0100", "email": email, "language": index % 2 == 0 ? "fr" : "en",
                    "meta": ["rent_due": payload, "unit": payload, payload.count < 40 ? payload : "k": "v"],
                ] as [String: Any],
                "appointment": ["meta": ["animal_name": payload, "vehicle": payload]],
                "lines": [
                    ["description": payload, "unitPrice": "10.00"],
                    ["description": payload, "quantity": "2", "unitPrice": "1.50", "discount": "10%", "taxable": false],
                ],
                "notes": payload + "\n\n" + payload,
                "source": payload,
            ]
            try JSONSerialization.data(withJSONObject: invoice, options: [.prettyPrinted])
                .write(to: records.appendingPathComponent(String(format: "invoices/X-%03d.json", index)))
        }

        // Every state: open, paid, partially refunded, refunded, voided; text messages in the outbox.
        let paths = WorkspacePaths(root: workspace.root)
        let first = try SitePublisher(paths: paths).publish()
        #expect(first.build.skipped.isEmpty, "records refused by validation (their payloads are not exercised): \(first.build.skipped.prefix(5))")
        let service = try RequestService.open(paths)
        for index in payloads.indices {
            let reference = String(format: "X-%03d", index)
            switch index % 5 {
            case 0: _ = try? service.sendLink(reference, reply: nil)
            case 1: _ = try service.markPaid(reference, method: .cash)
            case 2:
                _ = try service.markPaid(reference, method: .etransfer)
                _ = try service.refund(reference, amount: "1.00", reason: payloads[(index + 1) % payloads.count])
            case 3:
                _ = try service.markPaid(reference, method: .cheque)
                _ = try service.refund(reference, amount: nil, reason: payloads[(index + 2) % payloads.count])
            default: _ = try service.void(reference, reason: payloads[(index + 3) % payloads.count])
            }
        }
        try service.ledger.close()
        let second = try SitePublisher(paths: paths).publish()
        #expect(second.build.skipped.isEmpty)

        let audit = try HTMLAudit.run("xss", workspace.output)
        #expect(audit.files >= payloads.count * 3, "only \(audit.files) pages were audited")
        #expect(audit.problems.isEmpty, "\(audit.problems.count) problems, first: \(audit.problems.prefix(15).joined(separator: "\n"))")

        // The payloads did reach the pages, as text: the first one is shown escaped, never raw.
        let overview = try RequestService.open(paths).overview("X-000")
        let token = String(overview.link.split(separator: "/").last!)
        let page = try String(contentsOf: workspace.output.appendingPathComponent("public/p/\(token)/index.html"), encoding: .utf8)
        #expect(!page.contains(payloads[0]))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }
}
