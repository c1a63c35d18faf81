import Foundation
import Testing

@Suite("paypage deposits", .enabled(if: CLI.isAvailable, "paypage binary not built: run `swift build` (expected .build/debug/paypage)"))
struct DepositsCLITests {
    static var amount: Regex<Substring> { /^-?[0-9]+\.[0-9]{2}$/ }

    @Test("--help of deposits, list and show mention their options", arguments: [
        (["deposits"], ["list", "show", "settlement delay"]),
        (["deposits", "list"], ["--business", "--from", "--to", "--csv", "--json", "--csv-separator", "--workspace"]),
        (["deposits", "show"], ["<deposit>", "KEY-N", "--csv", "--json", "--workspace"]),
    ])
    func help(command: [String], mentions: [String]) throws {
        let output = try CLI.run(command + ["--help"])
        #expect(output.status == 0, "\(output)")
        for word in mentions { #expect(output.stdout.contains(word), "\(command) --help lacks \(word)") }
    }

    @Test("after the demo: list, JSON, CSV and show agree to the cent")
    func listAndShowAgree() throws {
        let ws = try CLIWorkspace(invoices: true)
        let demo = try ws.run(["demo"])
        try #require(demo.status == 0, "\(demo)")

        let json = try ws.run(["deposits", "--json"])
        #expect(json.status == 0 && json.stderr.isEmpty, "\(json)")
        let days = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(days.contains { $0["status"] as? String == "deposited" })
        #expect(days.contains { $0["status"] as? String == "no_deposit" })
        let deposited = days.filter { $0["number"] is String }
        #expect(!deposited.isEmpty)
        for day in deposited {
            let number = day["number"] as! String
            let shown = try ws.run(["deposits", "show", number, "--json"])
            #expect(shown.status == 0, "\(shown)")
            let detail = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
            for key in ["date", "gross", "refunds", "fees", "feesReturned", "shortfallTaken", "net", "shortfallCarried"] {
                #expect(detail[key] as? String == day[key] as? String, "\(number) \(key)")
            }
            let lines = try #require(detail["lines"] as? [[String: Any]])
            let total = lines.reduce(0) { $0 + cents($1["amount"] as! String) }
            #expect(total == cents(day["net"] as! String), "the lines of \(number) add up to its net")
            #expect(lines.allSatisfy { $0["kind"] as? String == "shortfall_taken" || $0["reference"] is String })
        }

        let text = try ws.run(["deposits", "show", "main-1"])
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.hasPrefix("Deposit main-1 — Garage Tremblay & Fils"), "\(text)")
        #expect(text.stdout.contains("Lines add up to"), "\(text)")

        let csv = try ws.run(["deposits", "--csv"])
        #expect(csv.status == 0, "\(csv)")
        #expect(csv.stdout.hasPrefix("\u{FEFF}business,date,number,status,currency,gross,refunds,fees,fees_returned,shortfall_taken,net,shortfall_carried\n"))
        let rows = try CSVReader.parse(String(csv.stdout.dropFirst()))
        #expect(rows.count == days.count + 1)
        for row in rows.dropFirst() {
            #expect(row.count == 12)
            for field in row[5...] { #expect(field.wholeMatch(of: Self.amount) != nil, "\(field) is not a plain decimal") }
        }

        let french = try ws.run(["deposits", "--csv", "--csv-separator", ";"])
        #expect(french.status == 0, "\(french)")
        let frenchRows = french.stdout.dropFirst().split(separator: "\n").map { $0.split(separator: ";", omittingEmptySubsequences: false) }
        #expect(frenchRows.first?.first == "business" && frenchRows.count == rows.count)
        #expect(frenchRows.dropFirst().allSatisfy { $0.count == 12 && $0[5...].allSatisfy { $0.wholeMatch(of: /^-?[0-9]+,[0-9]{2}$/) != nil } })

        let first = try #require(days.first?["date"] as? String)
        let ranged = try ws.run(["deposits", "--json", "--business", "main", "--from", first, "--to", first])
        let inRange = try #require(try JSONSerialization.jsonObject(with: Data(ranged.stdout.utf8)) as? [[String: Any]])
        #expect(inRange.allSatisfy { $0["date"] as? String == first && $0["business"] as? String == "main" })

        let lines = try ws.run(["deposits", "show", "main-1", "--csv"])
        #expect(lines.stdout.hasPrefix("\u{FEFF}business,date,number,line,reference,document,method,amount,currency\n"), "\(lines)")
    }

    @Test("errors: one line, the project's exit codes", arguments: [
        (["deposits", "--business", "nope"], Int32(64), "nope"),
        (["deposits", "--from", "2026-13-01"], 64, "--from"),
        (["deposits", "--from", "2026-12-10", "--to", "2026-12-01"], 64, "after"),
        (["deposits", "--csv", "--csv-separator", "|"], 64, "--csv-separator"),
        (["deposits", "--csv", "--json"], 64, "cannot be used together"),
        (["deposits", "show", "1"], 64, "name its business"),
        (["deposits", "show", "main-999"], 65, "no deposit main-999"),
        (["deposits", "show", "nope-2"], 64, "no business \"nope\""),
        (["deposits", "show", "next-week"], 64, "is not a deposit"),
    ])
    func errors(arguments: [String], status: Int32, mentions: String) throws {
        let ws = try CLIWorkspace()
        let output = try ws.run(arguments)
        #expect(output.status == status, "\(output)")
        #expect(output.stderr.hasPrefix("error: ") && output.stderr.split(separator: "\n").count == 1, "\(output)")
        #expect(output.stderr.contains(mentions), "\(output)")
        #expect(output.stdout.isEmpty)
    }

    @Test("a workspace without payments: no deposits, exit 0")
    func empty() throws {
        let ws = try CLIWorkspace()
        let output = try ws.run(["deposits", "--business", "main"])
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout.contains("No deposits."), "\(output)")
    }

    private func cents(_ text: String) -> Int {
        let negative = text.hasPrefix("-")
        let digits = text.filter(\.isNumber)
        return (negative ? -1 : 1) * (Int(digits) ?? 0)
    }
}
