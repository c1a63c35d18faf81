import Billing
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import PreviewServer
import Store
import Testing

/// The console's import page through the router (no sockets): the two samples, the raised body
/// limit on this route only and only after the session and CSRF token, dry runs, broken uploads.
@Suite("Console import")
struct ConsoleImportTests {
    static let garage: [Multipart.Part] = [.file("file", fileName: "garage-ro-export.csv", (try? Multipart.sample("garage-ro-export.csv")) ?? [])]

    static func requestCount(_ ws: CheckoutWorkspace) throws -> Int {
        try ws.service.listPage(.init()).matching
    }

    static func recordExists(_ ws: CheckoutWorkspace, _ reference: String) -> Bool {
        FileManager.default.fileExists(atPath: ws.paths.root.appendingPathComponent(WorkspacePaths.invoiceFile(reference)).path)
    }

    @Test("the page shows the form, in the clerk's language, with the bar's link to it")
    func form() async throws {
        let ws = try ConsoleTests.workspace()
        try await ws.withClient { client in
            let clerk = try await ImportClerk.signIn(client)
            let page = try await client.execute(uri: "/staff/import", method: .get, headers: [.cookie: clerk.cookie])
            let html = Web.text(page)
            #expect(page.status == .ok)
            #expect(html.contains("<html lang=\"fr\""))
            #expect(html.contains("enctype=\"multipart/form-data\""))
            #expect(html.contains(Web.escaped(Web.t("fr", "console_import_title"))))
            #expect(html.contains("<a href=\"/staff/import\">\(Web.t("fr", "console_nav_import"))</a>"))
            // The token is the form's first field: the server checks it before taking a large body.
            let form = try #require(html.range(of: "enctype=\"multipart/form-data\"")).upperBound
            #expect(html[form...].firstRange(of: "name=\"csrf\"")!.lowerBound < html[form...].firstRange(of: "name=\"file\"")!.lowerBound)
            #expect(!clerk.csrf.isEmpty)
        }
    }

    @Test("the garage sample (ro-csv) and the bike shop's (a mapping, Windows-1252, a prefix) are imported, each new invoice with its Send link")
    func samples() async throws {
        let ws = try ConsoleTests.workspace()
        try await ws.withClient { client in
            let clerk = try await ImportClerk.signIn(client)
            let garage = try await clerk.post(client, Self.garage)
            let html = Web.text(garage)
            #expect(garage.status == .ok, "\(html.prefix(2000))")
            for reference in ["RO-2041", "RO-2042", "RO-2043"] {
                #expect(html.contains("href=\"/staff/requests/new?invoice=\(reference)\""), "\(reference)")
                #expect(Self.recordExists(ws, reference))
                #expect(try ws.service.context(reference).entries.first?.actor == .importer)
            }
            #expect(html.contains(Web.escaped(Web.t("fr", "console_import_report_of", ["file": "garage-ro-export.csv"]))))
            #expect(html.contains("UTF-8 (\(Web.t("fr", "console_import_enc_valid")))"))

            let bikes = try await clerk.post(client, [
                .field("business", "velo-laurier"), .field("prefix", "VL-"), .field("format", "mapping"),
                .file("file", fileName: "atelier-bons-de-travail.csv", try Multipart.sample("atelier-bons-de-travail.csv")),
                .file("mapping", fileName: "atelier-bons-de-travail.mapping.json", try Multipart.sample("atelier-bons-de-travail.mapping.json")),
            ])
            let bikesHTML = Web.text(bikes)
            #expect(bikes.status == .ok, "\(bikesHTML.prefix(3000))")
            #expect(bikesHTML.contains("Windows-1252 (\(Web.t("fr", "console_import_enc_not_utf8")))"))
            for reference in ["VL-BT-5521", "VL-BT-5522", "VL-BT-5523"] {
                #expect(bikesHTML.contains("href=\"/staff/requests/new?invoice=\(reference)\""), "\(reference)")
                #expect(try ws.service.context(reference).businessKey == "velo-laurier")
            }

            // The same file again: nothing changes, and the page says so; no Send link for what already exists.
            let again = try await clerk.post(client, Self.garage)
            #expect(again.status == .ok)
            #expect(Web.text(again).contains(Web.escaped(Web.t("fr", "console_import_nothing_changed", ["count": "3"]))))
            #expect(!Web.text(again).contains("/staff/requests/new?invoice="))
        }
    }

    @Test("a dry run shows what would happen and writes nothing")
    func dryRun() async throws {
        let ws = try ConsoleTests.workspace()
        let before = try Self.requestCount(ws)
        try await ws.withClient { client in
            let clerk = try await ImportClerk.signIn(client)
            let answer = try await clerk.post(client, Self.garage + [.field("dryRun", "yes")])
            let html = Web.text(answer)
            #expect(answer.status == .ok)
            #expect(html.contains(Web.escaped(Web.t("fr", "console_import_would_created"))))
            #expect(html.contains(Web.escaped(Web.t("fr", "console_import_dry_summary"))))
            #expect(!html.contains("/staff/requests/new?invoice="), "nothing to send yet")
        }
        #expect(try Self.requestCount(ws) == before)
        #expect(!Self.recordExists(ws, "RO-2041"))
    }

    @Test("without the CSRF token (missing, or not the session's): 403 and nothing imported")
    func csrf() async throws {
        let ws = try ConsoleTests.workspace()
        let before = try Self.requestCount(ws)
        try await ws.withClient { client in
            let clerk = try await ImportClerk.signIn(client)
            let missing = try await clerk.post(client, Self.garage, withToken: false)
            #expect(missing.status == .forbidden)
            #expect(Web.text(missing).contains(Web.escaped(Web.t("fr", "console_forbidden"))))
            let wrong = try await client.execute(uri: ConsoleRoutes.importPath, method: .post, headers: Multipart.headers(cookie: clerk.cookie),
                                                 body: Multipart.body([.field("csrf", "not-the-token")] + Self.garage))
            #expect(wrong.status == .forbidden)
            // The token after the file is too late: it must come first.
            let late = try await client.execute(uri: ConsoleRoutes.importPath, method: .post, headers: Multipart.headers(cookie: clerk.cookie),
                                                body: Multipart.body(Self.garage + [.field("csrf", clerk.csrf)]))
            #expect(late.status == .forbidden)
        }
        #expect(try Self.requestCount(ws) == before)
        #expect(!Self.recordExists(ws, "RO-2041"))
    }

    @Test("over 5 MB: 413 in the clerk's language on this route; other routes keep their 64 KB limit, under which this one takes more")
    func limits() async throws {
        let ws = try ConsoleTests.workspace()
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: ConsoleRoutes.importLimit + 1)
        let medium = [UInt8](repeating: UInt8(ascii: "a"), count: 100 * 1024)
        let before = try ws.kinds("CO-1")
        try await ws.withClient { client in
            let clerk = try await ImportClerk.signIn(client)
            for declared in [true, false] {
                let body = Multipart.bytes([.field("csrf", clerk.csrf), .file("file", fileName: "big.csv", big)])
                let answer = try await client.execute(uri: ConsoleRoutes.importPath, method: .post,
                                                      headers: Multipart.headers(cookie: clerk.cookie, length: declared ? body.count : nil),
                                                      body: ByteBuffer(bytes: body))
                #expect(answer.status == .contentTooLarge, "Content-Length declared: \(declared)")
                #expect(Web.text(answer).contains("<html lang=\"fr\""))
                #expect(Web.text(answer).contains(Web.escaped(Web.t("fr", "console_import_e_too_large", ["size": Web.t("fr", "console_import_limit", ["count": "5"])]))))
            }
            // 100 KB: over the server's usual limit, so refused elsewhere, but read here (a file that is not an export).
            let body = Multipart.bytes([.field("csrf", clerk.csrf), .file("file", fileName: "medium.csv", medium)])
            let taken = try await client.execute(uri: ConsoleRoutes.importPath, method: .post,
                                                 headers: Multipart.headers(cookie: clerk.cookie, length: body.count), body: ByteBuffer(bytes: body))
            #expect(taken.status == .unprocessableContent, "read and reported, not refused for its size")
            var form = Web.form
            form[.cookie] = clerk.cookie
            form[.contentLength] = "\(body.count)"
            let elsewhere = try await client.execute(uri: "/staff/requests/CO-1/refund", method: .post, headers: form, body: ByteBuffer(bytes: body))
            #expect(elsewhere.status == .contentTooLarge)
            form[.contentLength] = nil
            let chunked = try await client.execute(uri: "/staff/requests/CO-1/remind", method: .post, headers: form, body: ByteBuffer(bytes: body))
            #expect(chunked.status == .contentTooLarge)
        }
        #expect(try ws.kinds("CO-1") == before)
    }

    @Test("without a session a large body is refused before the limit applies: sign-in for a browser, 401 for a script")
    func noSession() async throws {
        let ws = try ConsoleTests.workspace()
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: ConsoleRoutes.importLimit + 1)
        let body = Multipart.bytes([.field("csrf", "x"), .file("file", fileName: "big.csv", big)])
        try await ws.withClient { client in
            let browser = try await client.execute(uri: ConsoleRoutes.importPath, method: .post,
                                                   headers: Multipart.headers(cookie: nil, length: body.count), body: ByteBuffer(bytes: body))
            #expect(browser.status == .seeOther)
            #expect(browser.headers[.location] == "/staff/sign-in")
            var headers = Multipart.headers(cookie: nil, length: body.count)
            headers[.accept] = "application/json"
            let script = try await client.execute(uri: ConsoleRoutes.importPath, method: .post, headers: headers, body: ByteBuffer(bytes: body))
            #expect(script.status == .unauthorized)
            let page = try await client.execute(uri: ConsoleRoutes.importPath, method: .get)
            #expect(page.status == .seeOther && page.headers[.location] == "/staff/sign-in")
        }
    }

    /// Broken uploads, each said plainly with 400.
    static let malformed: [(name: String, contentType: String, body: [UInt8], key: String)] = {
        let b = Multipart.boundary
        let type = "multipart/form-data; boundary=\(b)"
        let csrf = "--\(b)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nTOKEN\r\n"
        let file = "--\(b)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nro_number\r\n"
        return [
            ("not multipart", "application/x-www-form-urlencoded", Array("csrf=TOKEN".utf8), "console_import_e_not_multipart"),
            ("no boundary", "multipart/form-data", Array((csrf + "--\(b)--\r\n").utf8), "console_import_e_not_multipart"),
            ("no parts at all", type, Array("just some text".utf8), "console_import_e_malformed"),
            ("a part header without a colon", type, Array((csrf + "--\(b)\r\nContent-Disposition form-data\r\n\r\nx\r\n--\(b)--\r\n").utf8), "console_import_e_malformed"),
            ("a part without a name", type, Array((csrf + "--\(b)\r\nContent-Type: text/plain\r\n\r\nx\r\n--\(b)--\r\n").utf8), "console_import_e_malformed"),
            ("cut short", type, Array((csrf + file).utf8), "console_import_e_unfinished"),
            ("the file twice", type, Array((csrf + file + file + "--\(b)--\r\n").utf8), "console_import_e_duplicate"),
        ]
    }()

    @Test("a malformed upload: 400 with a clear message, nothing imported", arguments: 0..<ConsoleImportTests.malformed.count)
    func malformedUpload(_ index: Int) async throws {
        let ws = try ConsoleTests.workspace()
        let before = try Self.requestCount(ws)
        let sample = Self.malformed[index]
        try await ws.withClient { client in
            let clerk = try await ImportClerk.signIn(client)
            let body = String(decoding: sample.body, as: UTF8.self).replacingOccurrences(of: "TOKEN", with: clerk.csrf)
            let answer = try await client.execute(uri: ConsoleRoutes.importPath, method: .post,
                                                  headers: [.contentType: sample.contentType, .cookie: clerk.cookie], body: ByteBuffer(string: body))
            #expect(answer.status == .badRequest, "\(sample.name)")
            #expect(Web.text(answer).contains(Web.escaped(Web.t("fr", sample.key, ["name": "file"]))), "\(sample.name)")
        }
        #expect(try Self.requestCount(ws) == before)
    }

    @Test("no file, or a mapping layout without its mapping: 422, said beside the form")
    func missingFiles() async throws {
        let ws = try ConsoleTests.workspace()
        try await ws.withClient { client in
            let clerk = try await ImportClerk.signIn(client)
            let none = try await clerk.post(client, [.field("prefix", "X-"), .file("file", fileName: "", [])])
            #expect(none.status == .unprocessableContent)
            #expect(Web.text(none).contains(Web.escaped(Web.t("fr", "console_import_e_no_file"))))
            #expect(Web.text(none).contains("value=\"X-\""), "the form keeps what was typed")
            let mapping = try await clerk.post(client, Self.garage + [.field("format", "mapping")])
            #expect(mapping.status == .unprocessableContent)
            #expect(Web.text(mapping).contains(Web.escaped(Web.t("fr", "console_import_e_no_mapping"))))
        }
    }
}
