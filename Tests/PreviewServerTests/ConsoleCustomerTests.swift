import Billing
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Operations
@testable import PreviewServer
import Store
import Testing

/// Customers through the router: search, the profile's requests and conversation (replies
/// stored, card numbers masked), the send box, and none for a customer who opted out.
@Suite("Staff console: customers")
struct ConsoleCustomerTests {
    @Test("search by name or phone finds the customer; the profile lists their requests; phones read (514) 555-0111")
    func search() async throws {
        let ws = try ConsoleSession.workspace()
        try await ws.withClient { client in
            let session = try await ConsoleSession.signIn(client, "Marie")
            for query in ["client%201", "514%20555-0111", "5550111"] {
                let list = Web.text(try await session.get("/staff/customers/?q=\(query)"))
                #expect(list.contains("href=\"/staff/customers/15145550111\""), "\(query)")
                #expect(!list.contains("href=\"/staff/customers/15145550110\""), "\(query)")
            }
            let profile = Web.text(try await session.get("/staff/customers/15145550111"))
            #expect(profile.contains(">CO-2<") && !profile.contains(">CO-1<"))
            // Phones read as a clerk says them, on the list, the profile and the requests.
            for page in [Web.text(try await session.get("/staff/customers/?q=5550111")), profile,
                         Web.text(try await session.get("/staff/?q=CO-2")), Web.text(try await session.get("/staff/requests/CO-2"))] {
                #expect(page.contains("(514) 555-0111") && !page.contains("+15145550111"))
            }
            // One match is counted in the singular.
            let one = ["page": "1", "pages": "1"]
            #expect(Web.text(try await session.get("/staff/customers/?q=5550111")).contains(Web.escaped(Web.t("fr", "console_customers_summary_one", one))))
            #expect(Web.text(try await session.get("/staff/?q=CO-2")).contains(Web.escaped(Web.t("fr", "console_summary_one", one))))
            #expect(profile.contains(Web.escaped(Web.t("fr", "console_customer_tab_invoices"))))
            #expect(try await session.get("/staff/customers/19995550000").status == .notFound)
        }
    }

    @Test("replies recorded by `message receive` are stored without card numbers and shown with the texts sent")
    func conversation() async throws {
        let ws = try ConsoleSession.workspace()
        _ = try ws.service.sendLink("CO-1", reply: nil)
        let reply = try ws.service.receiveReply(from: "514-555-0110", text: "Je paie avec 4242 4242 4242 4242 merci")
        #expect(!reply.optedOut && reply.text == "Je paie avec •••• 4242 merci")
        let stored = try ws.service.ledger.inbound(from: PhoneNumber("+15145550110"))
        #expect(stored.map(\.body) == ["Je paie avec •••• 4242 merci"])
        try await ws.withClient { client in
            let session = try await ConsoleSession.signIn(client, "Marie")
            let page = Web.text(try await session.get("/staff/customers/15145550110?tab=conversation"))
            let bubbles = ConsoleSession.bubbles(page)
            #expect(bubbles.first == "Je paie avec •••• 4242 merci", "newest first")
            #expect(bubbles.dropFirst().contains { $0.contains("CO-1") }, "the text sent")
            #expect(page.contains(Web.escaped(Web.t("fr", "console_customer_status_queued"))))
            #expect(!page.contains("4242 4242"))
        }
    }

    @Test("a text from the send box is the preview; an opted-out customer gets no box and a POST is refused")
    func sendBoxAndOptOut() async throws {
        let ws = try ConsoleSession.workspace()
        try await ws.withClient { client in
            let session = try await ConsoleSession.signIn(client, "Luc")
            let fields = [("about", "CO-1"), ("reply", ""), ("text", "Bonjour { customer.name }, votre voiture est prête.")]
            let preview = try await session.post("/staff/customers/15145550110/preview", fields)
            let shown = try #require(ConsoleSession.bubble(Web.text(preview)))
            #expect(shown.contains("Client 0"))
            let sent = try await session.post("/staff/customers/15145550110/send", fields + [("step", "send")])
            #expect(sent.status == .seeOther)
            #expect(try ws.service.ledger.outbox(reference: Reference("CO-1")).map(\.body) == [shown])

            _ = try ws.service.receiveReply(from: "+15145550110", text: "STOP")
            let page = Web.text(try await session.get("/staff/customers/15145550110?tab=conversation"))
            #expect(!page.contains("/staff/customers/15145550110/send"), "no send box")
            #expect(page.contains(Web.escaped(Web.t("en", "console_customer_opted_out_note", ["name": "Client 0"]))))
            let refused = try await session.post("/staff/customers/15145550110/send", fields + [("step", "send")])
            #expect(refused.status == .conflict)
            #expect(Web.text(refused).contains(Web.escaped(Web.t("en", "console_reason_opted_out"))))
        }
        #expect(try ws.service.ledger.outbox(reference: Reference("CO-1")).count == 1)
    }
}
