import Foundation
import Testing

var linkPattern: Regex<Substring> { /http:\/\/127\.0\.0\.1:8080\/p\/[A-Za-z0-9_-]{22}\// }

@Suite("paypage command line", .enabled(if: CLI.isAvailable, "paypage binary not built: run `swift build` (expected .build/debug/paypage)"))
struct PayPageCLITests {
    static let helpTable: [(command: [String], mentions: [String])] = [
        ([], ["request", "link", "refund", "void", "mark-paid", "remind", "confirm", "message", "messages", "customer", "demo", "check"]),
        (["request"], ["new", "list", "show", "send"]),
        (["request", "new"], ["--customer", "--phone", "--reference", "--amount", "--invoice", "--reply", "--no-send", "--json", "--workspace"]),
        (["request", "list"], ["--status", "--customer", "--csv", "--json", "--workspace"]),
        (["request", "show"], ["<reference>", "--json", "--workspace"]),
        (["request", "send"], ["<reference>", "--reply", "--workspace"]),
        (["link"], ["rotate"]),
        (["link", "rotate"], ["<reference>", "--workspace"]),
        (["refund"], ["<reference>", "--amount", "--full", "--reason", "--json", "--workspace"]),
        (["void"], ["<reference>", "--reason", "--workspace"]),
        (["mark-paid"], ["<reference>", "--method", "--json", "--workspace"]),
        (["remind"], ["<reference>", "--workspace"]),
        (["confirm"], ["<reference>", "--reply", "--workspace"]),
        (["message"], ["test"]),
        (["message", "test"], ["--to", "--reply", "--workspace"]),
        (["messages"], ["--json", "--workspace"]),
        (["customer"], ["show", "opt-out"]),
        (["customer", "show"], ["--json", "--workspace"]),
        (["customer", "opt-out"], ["<phone>", "--workspace"]),
        (["demo"], ["--workspace"]),
        (["check"], ["--workspace"]),
    ]

    @Test("--help for every command exits 0 and mentions its options", arguments: helpTable)
    func help(command: [String], mentions: [String]) throws {
        let output = try CLI.run(command + ["--help"])
        #expect(output.status == 0, "\(output)")
        for word in mentions {
            #expect(output.stdout.contains(word), "`paypage \(command.joined(separator: " ")) --help` does not mention \(word):\n\(output.stdout)")
        }
        #expect(output.stderr.isEmpty, "\(output.stderr)")
    }

    @Test("request new without --amount (and without --invoice): exit 64, clear message, nothing written")
    func newWithoutAmount() throws {
        let ws = try CLIWorkspace()
        let output = try ws.run(["request", "new", "--customer", "Marie", "--phone", "514-555-0100", "--reference", "RO-5001"])
        #expect(output.status == 64, "\(output)")
        #expect(output.stderr.contains("--amount"), "\(output)")
        #expect(ws.invoiceFiles().isEmpty)
        // Nothing in the ledger either.
        let list = try ws.run(["request", "list", "--json"])
        #expect(list.status == 0, "\(list)")
        #expect(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any] != nil)
        #expect((try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any])?.isEmpty == true)
    }

    @Test("request new without --reference: exit 64, nothing written")
    func newWithoutReference() throws {
        let ws = try CLIWorkspace()
        let output = try ws.run(["request", "new", "--customer", "Marie", "--phone", "514-555-0100", "--amount", "125.00"])
        #expect(output.status == 64, "\(output)")
        #expect(output.stderr.contains("--reference"), "\(output)")
        #expect(ws.invoiceFiles().isEmpty)
    }

    @Test("request new with a bad phone: exit 65, the message names customer.phone")
    func newBadPhone() throws {
        let ws = try CLIWorkspace()
        let output = try ws.run(["request", "new", "--customer", "Marie", "--phone", "555-0171", "--reference", "RO-5001", "--amount", "125.00"])
        #expect(output.status == 65, "\(output)")
        #expect(output.stderr.contains("customer.phone"), "\(output)")
        #expect(output.stderr.hasPrefix("error: "), "\(output)")
        #expect(ws.invoiceFiles().isEmpty)
    }

    @Test("request new --amount 125.00: exit 0, prints the link and the segment count")
    func newQuick() throws {
        let ws = try CLIWorkspace()
        let output = try ws.newRequest("RO-5001")
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout.contains(linkPattern), "\(output)")
        #expect(output.stdout.contains(/\d+ SMS segments?/), "\(output)")
        #expect(ws.invoiceFiles() == ["RO-5001.json"])
        // The text is in the outbox with its segment count.
        let messages = try ws.run(["messages", "RO-5001"])
        #expect(messages.status == 0, "\(messages)")
        #expect(messages.stdout.contains(/\d+ segments?/), "\(messages)")
    }

    @Test("request new --json: parses, with the link and segments")
    func newJSON() throws {
        let ws = try CLIWorkspace()
        let output = try ws.newRequest("RO-5001", extra: ["--json"])
        #expect(output.status == 0, "\(output)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any], "\(output)")
        #expect(object["reference"] as? String == "RO-5001")
        #expect((object["link"] as? String)?.wholeMatch(of: linkPattern) != nil)
        #expect(object["amount"] as? String == "125.00")
        #expect(object["segments"] != nil)

        let show = try ws.run(["request", "show", "RO-5001", "--json"])
        #expect(show.status == 0, "\(show)")
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any], "\(show)")
        #expect(shown["status"] as? String == "open")
        #expect(shown["link"] as? String == object["link"] as? String)
    }

    @Test("a duplicate reference (other case) is refused: exit 64, the first record unchanged")
    func duplicate() throws {
        let ws = try CLIWorkspace()
        #expect(try ws.newRequest("RO-5001").status == 0)
        let output = try ws.newRequest("ro-5001", amount: "9.00")
        #expect(output.status == 64, "\(output)")
        #expect(ws.invoiceFiles() == ["RO-5001.json"])
    }

    @Test("refund more than refundable: exit 65 with \"only … is refundable\"; then to zero; then refused")
    func refundFlow() throws {
        let ws = try CLIWorkspace()
        #expect(try ws.newRequest("RO-5001").status == 0)
        let paid = try ws.run(["mark-paid", "RO-5001", "--method", "cash"])
        #expect(paid.status == 0, "\(paid)")
        #expect(paid.stdout.contains("receipt #1"), "\(paid)")

        let over = try ws.run(["refund", "RO-5001", "--amount", "200.00"])
        #expect(over.status == 65, "\(over)")
        #expect(over.stderr.contains("only 125.00 CAD is refundable"), "\(over)")

        #expect(try ws.run(["refund", "RO-5001", "--amount", "25.00"]).status == 0)
        #expect(try ws.run(["refund", "RO-5001", "--amount", "25.00", "--reason", "goodwill"]).status == 0)
        let full = try ws.run(["refund", "RO-5001", "--full", "--json"])
        #expect(full.status == 0, "\(full)")
        let object = try JSONSerialization.jsonObject(with: Data(full.stdout.utf8)) as? [String: Any]
        #expect(object?["status"] as? String == "refunded", "\(full)")

        let after = try ws.run(["refund", "RO-5001", "--amount", "1.00"])
        #expect(after.status == 65, "\(after)")
        #expect(after.stderr.contains("nothing is left to refund"), "\(after)")

        let both = try ws.run(["refund", "RO-5001", "--amount", "1.00", "--full"])
        #expect(both.status == 64, "\(both)")
        let neither = try ws.run(["refund", "RO-5001"])
        #expect(neither.status == 64, "\(neither)")
    }

    @Test("void then mark-paid: exit 65")
    func voidThenPay() throws {
        let ws = try CLIWorkspace()
        #expect(try ws.newRequest("RO-5001").status == 0)
        let void = try ws.run(["void", "RO-5001"])
        #expect(void.status == 0, "\(void)")
        let pay = try ws.run(["mark-paid", "RO-5001", "--method", "cheque"])
        #expect(pay.status == 65, "\(pay)")
        #expect(pay.stderr.contains("voided"), "\(pay)")
        let again = try ws.run(["void", "RO-5001"])
        #expect(again.status == 65, "\(again)")
    }

    @Test("mark-paid with a method that is not offline: exit 64")
    func markPaidBadMethod() throws {
        let ws = try CLIWorkspace()
        #expect(try ws.newRequest("RO-5001").status == 0)
        let output = try ws.run(["mark-paid", "RO-5001", "--method", "card"])
        #expect(output.status == 64, "\(output)")
    }

    static let brokenFixtures: [(file: String, path: String)] = [
        ("bad-phone.json", "customer.phone"),
        ("negative-quantity.json", "lines[0].quantity"),
        ("missing-unit-price.json", "lines[2].unitPrice"),
        ("bad-email.json", "customer.email"),
        ("quantity-four-decimals.json", "lines[0].quantity"),
    ]

    @Test("check on broken records: exit 65, every problem with its file and path")
    func checkBroken() throws {
        let ws = try CLIWorkspace()
        let fixtures = CLI.repository.appendingPathComponent("Tests/StoreTests/Fixtures/invalid")
        for (file, _) in Self.brokenFixtures {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(file),
                                             to: ws.root.appendingPathComponent("Records/invoices/\(file)"))
        }
        let output = try ws.run(["check"])
        #expect(output.status == 65, "\(output)")
        let all = output.stdout + output.stderr
        for (file, path) in Self.brokenFixtures {
            #expect(all.contains("Records/invoices/\(file): \(path):"), "missing \(file): \(path)\n\(output)")
        }
        #expect(output.stdout.contains(/\d+ problems? found/), "\(output)")
    }

    @Test("check on a sound workspace: exit 0")
    func checkClean() throws {
        let ws = try CLIWorkspace(invoices: true)
        let output = try ws.run(["check"])
        #expect(output.status == 0, "\(output)")
    }

    @Test("demo: exit 0; request list --status voided lists the voided ones; --csv is valid CSV")
    func demoAndList() throws {
        let ws = try CLIWorkspace(invoices: true)
        let demo = try ws.run(["demo"])
        #expect(demo.status == 0, "\(demo)")
        for status in ["open", "paid", "partially_refunded", "refunded", "voided"] {
            #expect(demo.stdout.contains(Regex<Substring>(verbatim: "\(status): ")), "\(demo)")
            #expect(!demo.stdout.contains("\(status): 0"), "no \(status) request after the demo:\n\(demo)")
        }

        let voided = try ws.run(["request", "list", "--status", "voided", "--json"])
        #expect(voided.status == 0, "\(voided)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(voided.stdout.utf8)) as? [[String: Any]])
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0["status"] as? String == "voided" })
        let table = try ws.run(["request", "list", "--status", "voided"])
        #expect(table.status == 0)
        for row in rows { #expect(table.stdout.contains(row["reference"] as? String ?? "?")) }

        let csv = try ws.run(["request", "list", "--csv"])
        #expect(csv.status == 0, "\(csv)")
        let parsed = try CSVReader.parse(csv.stdout)
        let header = try #require(parsed.first)
        #expect(header.first == "reference")
        #expect(header.contains("status") && header.contains("link"))
        #expect(parsed.dropFirst().allSatisfy { $0.count == header.count }, "ragged CSV:\n\(csv.stdout)")
        let all = try ws.run(["request", "list", "--json"])
        let allRows = try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [Any]
        #expect(parsed.count - 1 == allRows?.count)
        #expect(parsed.count - 1 == ws.invoiceFiles().count)
        // Every link in the CSV is a proper link.
        if let linkColumn = header.firstIndex(of: "link") {
            #expect(parsed.dropFirst().allSatisfy { $0[linkColumn].wholeMatch(of: linkPattern) != nil })
        }

        let invalidStatus = try ws.run(["request", "list", "--status", "cancelled"])
        #expect(invalidStatus.status == 64, "\(invalidStatus)")
    }

    @Test("CSV quotes a customer name with a comma and a quote")
    func csvQuoting() throws {
        let ws = try CLIWorkspace()
        let created = try ws.run(["request", "new", "--customer", "Tremblay, Marie \"Mimi\"", "--phone", "514-555-0100",
                                  "--reference", "RO-5001", "--amount", "10.00", "--no-send"])
        #expect(created.status == 0, "\(created)")
        let csv = try ws.run(["request", "list", "--csv"])
        let parsed = try CSVReader.parse(csv.stdout)
        #expect(parsed.count == 2)
        let nameColumn = try #require(parsed.first?.firstIndex(of: "customer"))
        #expect(parsed[1][nameColumn] == "Tremblay, Marie \"Mimi\"")
    }

    @Test("an unknown workspace: one clear line, exit 64", arguments: [
        ["request", "list"], ["request", "show", "RO-1"], ["messages"], ["refund", "RO-1", "--full"], ["check"], ["demo"],
        ["build"], ["serve", "--port", "0"], ["receipt", "RO-1"], ["restore", "/etc/hostname"],
    ])
    func unknownWorkspace(command: [String]) throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("paypage-missing-\(UUID().uuidString)")
        let output = try CLI.run(command + ["--workspace", missing.path])
        #expect(output.status == 64, "\(output)")
        let lines = output.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(output)")
        #expect(output.stderr.contains("not a PayPage workspace"), "\(output)")
        #expect(!FileManager.default.fileExists(atPath: missing.path), "the command created the missing workspace")
    }

    @Test("opt-out then remind: exit 65 naming the opt-out, outbox unchanged")
    func optOutRemind() throws {
        let ws = try CLIWorkspace()
        #expect(try ws.newRequest("RO-5001").status == 0)
        #expect(try ws.run(["customer", "opt-out", "514-555-0100"]).status == 0)
        let before = try ws.run(["messages", "--json"]).stdout
        let remind = try ws.run(["remind", "RO-5001"])
        #expect(remind.status == 65, "\(remind)")
        #expect(remind.stderr.contains("opted out"), "\(remind)")
        #expect(try ws.run(["messages", "--json"]).stdout == before)
    }

    @Test("customer show finds by name without accents and by phone")
    func customerShow() throws {
        let ws = try CLIWorkspace()
        let created = try ws.run(["request", "new", "--customer", "Hélène Roy", "--phone", "514-555-0123", "--reference", "RO-5001",
                                  "--amount", "10.00", "--no-send"])
        #expect(created.status == 0)
        for query in ["helene", "514-555-0123", "5145550123"] {
            let output = try ws.run(["customer", "show", query])
            #expect(output.status == 0, "\(query): \(output)")
            #expect(output.stdout.contains("RO-5001"), "\(query): \(output)")
        }
        let none = try ws.run(["customer", "show", "nobody"])
        #expect(none.status != 0)
    }

    @Test("link rotate prints a new link; request show then has it")
    func linkRotate() throws {
        let ws = try CLIWorkspace()
        let created = try ws.newRequest("RO-5001", extra: ["--json"])
        let old = (try JSONSerialization.jsonObject(with: Data(created.stdout.utf8)) as? [String: Any])?["link"] as? String
        let rotated = try ws.run(["link", "rotate", "RO-5001"])
        #expect(rotated.status == 0, "\(rotated)")
        let new = rotated.stdout.firstMatch(of: linkPattern).map { String($0.output) }
        #expect(new != nil && new != old)
        let show = try ws.run(["request", "show", "RO-5001"])
        #expect(show.stdout.contains(new ?? "?"))
    }

    @Test("request new --invoice FILE: the total of the lines with taxes")
    func newWithInvoice() throws {
        let ws = try CLIWorkspace()
        let file = ws.root.appendingPathComponent("export.json")
        try Data(#"{"lines": [{"description": "Labour", "quantity": "1.5", "unitPrice": "89.99"}, {"description": "Fee", "quantity": "1", "unitPrice": "3.50", "taxable": false}]}"#.utf8).write(to: file)
        let output = try ws.run(["request", "new", "--customer", "Luc", "--phone", "514-555-0177", "--reference", "RO-7001",
                                 "--invoice", file.path, "--json"])
        #expect(output.status == 0, "\(output)")
        // 134.99 + GST 6.75 + QST 13.47 (13.4653…) + 3.50 = 158.71
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        #expect(object?["amount"] as? String == "158.71", "\(output)")
        let missing = try ws.run(["request", "new", "--customer", "Luc", "--phone", "514-555-0177", "--reference", "RO-7002",
                                  "--invoice", ws.root.appendingPathComponent("nope.json").path])
        #expect(missing.status == 64, "\(missing)")
        #expect(ws.invoiceFiles() == ["RO-7001.json"])
    }

    @Test("demo twice: both exit 0 and leave the same counts")
    func demoTwice() throws {
        let ws = try CLIWorkspace(invoices: true)
        let first = try ws.run(["demo"])
        let second = try ws.run(["demo"])
        #expect(first.status == 0 && second.status == 0, "\(first)\n\(second)")
        #expect(first.stdout.split(separator: "\n").last == second.stdout.split(separator: "\n").last)
    }
}
