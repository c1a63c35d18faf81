import Billing
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Operations
@testable import PreviewServer
import StaffAccess
import Store
import Testing

/// The new-request form through the router (no sockets): inline errors in the staff member's
/// language, the preview is the text sent, Copy link sends nothing, an invoice is requested once.
@Suite("Staff console: new request")
struct ConsoleNewRequestTests {
    @Test("a quick payment without reference or amount is refused field by field, in the staff member's language",
          arguments: [("Marie", "fr"), ("Luc", "en")])
    func inlineErrors(name: String, language: String) async throws {
        let ws = try ConsoleSession.workspace()
        try await ws.withClient { client in
            let session = try await ConsoleSession.signIn(client, name)
            let answer = try await session.post("/staff/requests/new", [("name", "Hélène Roy"), ("phone", "514 555-0177"), ("language", "fr"),
                                                                        ("kind", "quick"), ("reference", ""), ("amount", ""), ("step", "copy")])
            #expect(answer.status == .unprocessableContent)
            let html = Web.text(answer)
            #expect(html.contains("<html lang=\"\(language)\""))
            for key in ["console_new_error_reference", "console_new_error_amount"] {
                #expect(html.contains(Web.escaped(Web.t(language, key))), "\(key) in \(language)")
            }
            #expect(html.contains("id=\"amount\"") && html.contains("aria-invalid=\"true\""))
            #expect(!html.contains(Web.escaped(Web.t(language, "console_new_error_name"))), "the name was given")
            #expect(html.contains("value=\"Hélène Roy\""), "what was typed stays")
        }
        #expect(try ws.service.ledger.outbox().isEmpty)
        #expect(try ws.service.ledger.requests().count == 2)
    }

    @Test("the preview is the text that is sent, link aside; Send queues it, with the staff member as actor")
    func previewIsSent() async throws {
        let ws = try ConsoleSession.workspace()
        let fields = [("name", "Hélène Roy"), ("phone", "514 555-0177"), ("language", "fr"), ("kind", "quick"),
                      ("reference", "NR-1"), ("amount", "42.50"), ("reply", "payment-request"), ("text", "")]
        try await ws.withClient { client in
            let session = try await ConsoleSession.signIn(client, "Marie")
            let preview = try await session.post("/staff/requests/new/preview", fields)
            #expect(preview.status == .ok)
            let shown = try #require(ConsoleSession.bubble(Web.text(preview)))
            #expect(shown.contains("Hélène Roy") && shown.contains("NR-1"))
            #expect(Web.text(preview).contains("GSM-7") || Web.text(preview).contains("UCS-2"))
            #expect(try ws.service.ledger.request(reference: Reference("NR-1")) == nil, "a preview creates nothing")
            // Without JavaScript: the Preview button re-renders the form with the same preview.
            let page = try await session.post("/staff/requests/new", fields + [("step", "preview")])
            #expect(page.status == .ok && ConsoleSession.bubble(Web.text(page)) == shown)
            let sent = try await session.post("/staff/requests/new", fields + [("step", "send")])
            #expect(sent.status == .seeOther && sent.headers[.location] == "/staff/requests/NR-1?done=sent_new")
            let outbox = try ws.service.ledger.outbox(reference: Reference("NR-1"))
            #expect(outbox.count == 1)
            let token = try ws.token("NR-1")
            #expect(outbox.first?.body == shown.replacingOccurrences(of: RequestService.linkStandIn, with: token))
            #expect(try ws.service.context("NR-1").entries.first?.actor == .staff(name: "Marie"))
        }
    }

    @Test("Copy link creates the request and sends nothing; Send to customer queues the text")
    func copyOrSend() async throws {
        let ws = try ConsoleSession.workspace()
        try await ws.withClient { client in
            let session = try await ConsoleSession.signIn(client, "Luc")
            for (reference, step) in [("NR-COPY", "copy"), ("NR-SEND", "send")] {
                let answer = try await session.post("/staff/requests/new", [
                    ("name", "Sam Lee"), ("phone", "514 555-0188"), ("language", "en"), ("kind", "quick"), ("reference", reference),
                    ("amount", "10.00"), ("reply", ""), ("text", "Hi { customer.name }, { request.amount }: { request.link }"), ("step", step)])
                #expect(answer.status == .seeOther)
                #expect(try ws.service.ledger.request(reference: Reference(reference)) != nil)
            }
            #expect(try ws.service.ledger.outbox(reference: Reference("NR-COPY")).isEmpty)
            let sent = try ws.service.ledger.outbox(reference: Reference("NR-SEND"))
            #expect(sent.count == 1 && sent[0].body.contains("Hi Sam Lee, $10.00: http"))
            let page = try await session.get("/staff/requests/NR-COPY?done=created")
            #expect(Web.text(page).contains(Web.escaped(Web.t("en", "console_done_created", ["reference": "NR-COPY"]))))
            #expect(Web.text(page).contains("data-copy=\"http"), "the link with its copy button")
        }
    }

    @Test("an unknown placeholder or [brackets] are flagged before sending, and nothing is sent")
    func flagged() async throws {
        let ws = try ConsoleSession.workspace()
        try await ws.withClient { client in
            let session = try await ConsoleSession.signIn(client, "Luc")
            let base = [("name", "Sam Lee"), ("phone", "514 555-0188"), ("language", "en"), ("kind", "quick"), ("reference", "NR-2"), ("amount", "10.00")]
            let brackets = try await session.post("/staff/requests/new/preview", base + [("text", "Hi, your car is ready [insert time]")])
            #expect(Web.text(brackets).contains(Web.escaped(Web.t("en", "console_compose_error_brackets", ["text": "[insert time]"]))))
            #expect(ConsoleSession.bubble(Web.text(brackets)) != nil, "the text still shows, with the flag")
            let unknown = try await session.post("/staff/requests/new", base + [("text", "Hi { customer.nickname }"), ("step", "send")])
            #expect(unknown.status == .unprocessableContent)
            #expect(Web.text(unknown).contains(Web.escaped(Web.t("en", "console_compose_error_unknown", ["name": "{ customer.nickname }"]))))
        }
        #expect(try ws.service.ledger.request(reference: Reference("NR-2")) == nil)
        #expect(try ws.service.ledger.outbox().isEmpty)
    }

    @Test("Pay with invoice: ?invoice=REF preselects it; once texted, it is refused")
    func invoiceOnce() async throws {
        let ws = try ConsoleSession.workspace()
        try ConsoleSession.writeInvoice(ws, "RO-9001", customer: "Marc Roy", phone: "514 555-0199")
        _ = try ws.service.syncRecords()
        try await ws.withClient { client in
            let session = try await ConsoleSession.signIn(client, "Marie")
            let form = Web.text(try await session.get("/staff/requests/new?invoice=RO-9001"))
            #expect(form.contains("<option value=\"RO-9001\" selected>"))
            #expect(form.contains("name=\"kind\" value=\"invoice\" checked"))
            #expect(ConsoleSession.bubble(form)?.contains("Marc Roy") == true, "the preview fills from the invoice's customer")
            let fields = [("kind", "invoice"), ("invoice", "RO-9001"), ("reply", "repair-ready"), ("step", "send")]
            let first = try await session.post("/staff/requests/new", fields)
            #expect(first.status == .seeOther)
            let again = try await session.post("/staff/requests/new", fields)
            #expect(again.status == .unprocessableContent)
            #expect(Web.text(again).contains(Web.escaped(Web.t("fr", "console_new_error_already_requested"))))
        }
        #expect(try ws.service.ledger.outbox(reference: Reference("RO-9001")).count == 1)
    }

    @Test("/staff/requests/new is the form, not a request named new; its addresses need a session")
    func routes() async throws {
        let ws = try ConsoleSession.workspace()
        try await ws.withClient { client in
            for (method, path) in [(HTTPRequest.Method.get, "/staff/requests/new"), (.post, "/staff/requests/new"), (.post, "/staff/requests/new/preview"),
                                   (.get, "/staff/customers/"), (.get, "/staff/customers/15145550110"), (.post, "/staff/customers/15145550110/send"),
                                   (.post, "/staff/customers/15145550110/preview")] {
                try await client.execute(uri: path, method: method, headers: Web.form, body: Web.encode([("csrf", "x")])) { response in
                    #expect(response.status == .seeOther && response.headers[.location] == "/staff/sign-in", "\(method) \(path)")
                }
            }
            let session = try await ConsoleSession.signIn(client, "Marie")
            let form = try await session.get("/staff/requests/new?customer=15145550110")
            #expect(form.status == .ok && Web.text(form).contains("value=\"Client 0\""))
            let forged = try await session.post("/staff/requests/new", [("step", "send")], csrf: false)
            #expect(forged.status == .forbidden)
        }
    }
}
