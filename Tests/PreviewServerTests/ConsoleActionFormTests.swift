import Billing
import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PreviewServer
import StaffAccess
import Testing

/// The action forms as a clerk reads them: the customer's words marked with the customer's
/// language, and each amount said where it is needed.
@Suite("Staff console: action forms")
struct ConsoleActionFormTests {
    @Test("the reminder's text and its fixed parts carry the customer's language, not the clerk's",
          arguments: ["fr", "en"])
    func reminderLanguage(customer: String) async throws {
        let ws = try CheckoutWorkspace([("CO-1", "125.00")], language: customer)
        let staff = StaffService(ledger: ws.service.ledger, hasher: PasswordHasher(cost: 4))
        _ = try staff.addAccount(name: "Luc", role: .owner, language: customer == "fr" ? .en : .fr, password: "another long one")
        try await ws.withClient { client in
            let session = try await ConsoleSession.signIn(client, "Luc")
            let page = Web.text(try await session.get("/staff/requests/CO-1/remind"))
            #expect(page.contains("<textarea id=\"body\" name=\"body\" rows=\"5\" lang=\"\(customer)\""))
            // Each fixed part: the clerk's label, then the customer's words in the customer's language.
            let label = Web.escaped(Web.t(customer == "fr" ? "en" : "fr", "console_fixed_text"))
            let draft = try ws.service.reminderDraft("CO-1")
            for part in [draft.prefix] + (draft.suffix.map { [$0] } ?? []) {
                #expect(page.contains("\(label)</span> <span lang=\"\(customer)\">\(Web.escaped(part))</span>"), "\(part)")
            }
        }
    }

    @Test("the refund form says the refundable amount in the full refund's choice and under the amount, once each")
    func refundAmountOnce() async throws {
        let ws = try ConsoleSession.workspace()
        _ = try ws.service.markPaid("CO-1", method: .cash)
        try await ws.withClient { client in
            let session = try await ConsoleSession.signIn(client, "Luc")
            let page = Web.text(try await session.get("/staff/requests/CO-1/refund"))
            let form = try #require(page.range(of: "<main").map { page[$0.lowerBound...] })
            #expect(form.components(separatedBy: Web.money(12_500, "en")).count - 1 == 2)
        }
    }
}
