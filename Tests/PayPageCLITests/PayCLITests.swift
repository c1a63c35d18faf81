import Foundation
import Testing

@Suite("paypage pay", .enabled(if: CLI.isAvailable, "paypage binary not built: run `swift build`"))
struct PayCLITests {
    static let card = ["--exp", "12/34", "--cvc", "123"]

    func token(_ ws: CLIWorkspace, _ reference: String) throws -> String {
        let show = try ws.run(["request", "show", reference, "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
        let link = try #require(object?["link"] as? String)
        return String(link.split(separator: "/").last ?? "")
    }

    @Test func aTestCardPaysAndTheReceiptIsBuilt() throws {
        let ws = try CLIWorkspace()
        try ws.copyThemes()
        #expect(try ws.newRequest("RO-5001").status == 0)
        let paid = try ws.run(["pay", "RO-5001", "--card", "4242 4242 4242 4242"] + Self.card)
        #expect(paid.status == 0, "\(paid)")
        #expect(paid.stdout.hasPrefix("Paid 125.00 CAD on RO-5001 by Visa •••• 4242; authorization "), "\(paid)")
        #expect(paid.stdout.contains("receipt #1"), "\(paid)")
        let token = try token(ws, "RO-5001")
        let receipt = ws.root.appendingPathComponent("Output/public/p/\(token)/receipt/fr/index.html")
        #expect(FileManager.default.fileExists(atPath: receipt.path), "the request's pages were rebuilt")
        #expect(paid.stderr.isEmpty, "\(paid)")
        let show = try ws.run(["request", "show", "RO-5001"]).stdout
        #expect(show.contains("Status:     paid"), "\(show)")
    }

    @Test func theNumberCanComeFromStandardInputAndIsNeverKept() throws {
        let ws = try CLIWorkspace()
        #expect(try ws.newRequest("RO-5001").status == 0)
        let paid = try ws.run(["pay", "RO-5001", "--card", "-", "--json"] + Self.card, input: "4242424242424242\n")
        #expect(paid.status == 0, "\(paid)")
        #expect(!paid.stdout.contains("4242424242424242") && !paid.stderr.contains("4242424242424242"))
        let object = try JSONSerialization.jsonObject(with: Data(paid.stdout.utf8)) as? [String: Any]
        #expect(object?["status"] as? String == "paid")
        #expect(object?["receipt"] as? String == "/p/\(try token(ws, "RO-5001"))/receipt/")
        #expect((object?["method"] as? [String: Any])?["last4"] as? String == "4242")
        for suffix in ["", "-wal"] {
            let url = ws.root.appendingPathComponent(".paypage/ledger.sqlite\(suffix)")
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            #expect(data.range(of: Data("4242424242424242".utf8)) == nil, "the card number is in \(url.lastPathComponent)")
            #expect(data.range(of: Data("\"123\"".utf8)) == nil, "the CVC is in \(url.lastPathComponent)")
        }
    }

    @Test("every outcome but paid exits 1, in one line", arguments: [
        (["--card", "4000000000000002"] + card, "Declined (card_declined): "),
        (["--card", "4000000000009995"] + card, "Declined (insufficient_funds): "),
        (["--card", "4000002760003184"] + card, "3-D Secure required"),
        (["--card", "4000002760003184", "--3ds", "fail"] + card, "Declined (authentication_failed): "),
        (["--card", "4242424242424241"] + card, "Invalid: number: "),
        (["--card", "4242424242424242", "--exp", "01/20", "--cvc", "123"], "Invalid: expiry: "),
        (["--wallet", "google", "--outcome", "cancel"], "Cancelled"),
        (["--wallet", "apple", "--outcome", "fail"], "Declined (wallet_failed): "),
        (["--affirm", "--months", "6", "--decline"], "Declined (affirm_declined): "),
    ])
    func notPaid(_ arguments: [String], _ start: String) throws {
        let ws = try CLIWorkspace()
        #expect(try ws.newRequest("RO-5001").status == 0)
        let output = try ws.run(["pay", "RO-5001"] + arguments)
        #expect(output.status == 1, "\(output)")
        #expect(output.stdout.hasPrefix(start), "\(output)")
        #expect(output.stdout.split(separator: "\n").count == 1, "\(output)")
        #expect(try ws.run(["request", "show", "RO-5001"]).stdout.contains("Status:     open"))
    }

    @Test("methods that pay", arguments: [
        (["--card", "4000002760003184", "--3ds", "approve"] + card, "Visa •••• 3184"),
        (["--wallet", "apple"], "Apple Pay"),
        (["--wallet", "google", "--outcome", "approve"], "Google Pay"),
        (["--affirm", "--months", "12"], "Affirm (12 months)"),
    ])
    func paid(_ arguments: [String], _ method: String) throws {
        let ws = try CLIWorkspace()
        #expect(try ws.newRequest("RO-5001").status == 0)
        let output = try ws.run(["pay", "RO-5001"] + arguments)
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout.contains("by \(method)"), "\(output)")
    }

    @Test func affirmBelowTheMinimumIsNotEligible() throws {
        let ws = try CLIWorkspace()
        #expect(try ws.newRequest("RO-5001", amount: "20.00").status == 0)
        let output = try ws.run(["pay", "RO-5001", "--affirm", "--months", "3"])
        #expect(output.status == 1, "\(output)")
        #expect(!output.stdout.hasPrefix("Paid"), "\(output)")
    }

    @Test func aPaidOrVoidedRequestIsRefused() throws {
        let ws = try CLIWorkspace()
        #expect(try ws.newRequest("RO-5001").status == 0)
        #expect(try ws.run(["void", "RO-5001"]).status == 0)
        let output = try ws.run(["pay", "RO-5001", "--wallet", "apple", "--json"])
        #expect(output.status == 1, "\(output)")
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        #expect(object?["status"] as? String == "refused", "\(output)")
    }

    @Test func aRetryWithTheSameKeyChargesOnce() throws {
        let ws = try CLIWorkspace()
        #expect(try ws.newRequest("RO-5001").status == 0)
        let arguments = ["pay", "RO-5001", "--card", "4242424242424242", "--idempotency-key", "attempt-0001"] + Self.card
        let first = try ws.run(arguments)
        let second = try ws.run(arguments)
        #expect(first.status == 0 && second.status == 0, "\(first)\n\(second)")
        #expect(first.stdout == second.stdout, "the retry replays the first outcome, authorization code included")
        let history = try ws.run(["request", "show", "RO-5001"]).stdout
        #expect(history.components(separatedBy: "  paid ").count == 2, "\(history)")
    }

    @Test("bad usage: exit 64", arguments: [
        ["--card", "4242424242424242"],
        ["--card", "4242424242424242", "--wallet", "apple"] + card,
        ["--wallet", "apple", "--3ds", "approve"],
        ["--affirm"],
        ["--affirm", "--months", "5"],
        ["--wallet", "paypal"],
        [],
        ["--wallet", "apple", "--idempotency-key", "short"],
    ])
    func badUsage(_ arguments: [String]) throws {
        let ws = try CLIWorkspace()
        #expect(try ws.newRequest("RO-5001").status == 0)
        let output = try ws.run(["pay", "RO-5001"] + arguments)
        #expect(output.status == 64, "\(output)")
    }

    @Test func anUnknownReferenceIsBadData() throws {
        let ws = try CLIWorkspace()
        let output = try ws.run(["pay", "RO-404", "--wallet", "apple"])
        #expect(output.status == 65, "\(output)")
        #expect(output.stderr.contains("RO-404"), "\(output)")
    }

    @Test func aPaymentFromTheCommandLineIsBySystemUser() throws {
        let ws = try CLIWorkspace()
        #expect(try ws.newRequest("RO-5001").status == 0)
        #expect(try ws.run(["pay", "RO-5001", "--wallet", "apple"]).status == 0)
        let paidLine = try ws.run(["request", "show", "RO-5001"]).stdout.split(separator: "\n").first { $0.contains("  paid ") }
        #expect(paidLine?.hasSuffix("(command line)") == true, "\(String(describing: paidLine))")
    }
}
