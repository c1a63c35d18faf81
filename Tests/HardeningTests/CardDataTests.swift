import Billing
import Foundation
import Operations
import Store
import Testing

/// Item 5: after payments with many test numbers and CVCs (approvals, declines, 3-D Secure,
/// non-test numbers), no full number and no CVC is anywhere: Output/, the ledger and its
/// -wal/-shm, the server's output. Brand and last 4 are.
@Suite("Card data never stored or logged", .serialized)
struct CardDataTests {
    struct Attempt {
        var number: String      // as typed
        var cvc: String
    }

    @Test("full numbers and CVCs are nowhere on disk or in logs; brand and last 4 are on the receipt")
    func cardDataNowhere() throws {
        try #require(Hardening.binary != nil, "build the paypage binary first")
        let workspace = try HardeningWorkspace("cards", invoices: false)
        let paths = WorkspacePaths(root: workspace.root)
        let count = 24
        do {
            let service = try RequestService.open(paths)
            for index in 0..<count {
                _ = try service.create(NewRequest(reference: String(format: "C-%03d", index), customerName: "Client \(index)",
                                                  phone: "514-555-0100", amount: "\(80 + index).25", send: false))
            }
            try service.ledger.close()
        }
        let serve = try ServeProcess(workspace)
        let ledger = try Ledger(fileURL: workspace.ledgerURL)
        // Unusual CVCs that appear in no test number or last 4; 4 digits for American Express.
        let cvcs3 = ["713", "846", "529", "381", "657"]
        let cvcs4 = ["8642", "7531"]
        let declines = ["4000000000000002", "4000 0000 0000 9995", "4000-0000-0000-9987", "4000000000009979", "4000000000000069",
                        "4000000000000127", "4000000000000119", "4111111111111111", "5105 1051 0510 5100", "6011111111111117"]
        let approvals = ["4242424242424242", "4242 4242 4242 4242", "5555555555554444", "5555-5555-5555-4444", "378282246310005", "3782 822463 10005"]
        var used: [Attempt] = []
        var paidCards: [(reference: String, last4: String, brand: String)] = []
        for index in 0..<count {
            let reference = String(format: "C-%03d", index)
            let token = try #require(try ledger.request(reference: try Reference(reference))?.token.value)
            // One or two declines first, then an approval (or a 3-D Secure challenge approved).
            for attempt in 0..<(1 + index % 2) {
                let number = declines[(index + attempt) % declines.count]
                let cvc = cvcs3[(index + attempt) % cvcs3.count]
                used.append(Attempt(number: number, cvc: cvc))
                let response = try RawHTTP.post(port: serve.port, "/api/requests/\(token)/payments",
                    json: #"{"method":"card","number":"\#(number)","exp":"11/33","cvc":"\#(cvc)","name":"Client \#(index)"}"#,
                    headers: ["Idempotency-Key: decline-\(index)-\(attempt)-xyz"])
                #expect(response.status == 402, "\(number) → \(response.status) \(response.text)")
            }
            if index % 4 == 3 {
                let cvc = cvcs3[index % cvcs3.count]
                used.append(Attempt(number: "4000 0027 6000 3184", cvc: cvc))
                let challenge = try RawHTTP.post(port: serve.port, "/api/requests/\(token)/payments",
                    json: #"{"method":"card","number":"4000 0027 6000 3184","exp":"11/33","cvc":"\#(cvc)","name":"Client"}"#,
                    headers: ["Idempotency-Key: threeds-\(index)-xyz"])
                #expect(challenge.status == 202, "\(challenge.text)")
                let id = try #require(challenge.text.firstMatch(of: /"challenge":"([a-z0-9_]+)"/).map { String($0.1) })
                let approved = try RawHTTP.post(port: serve.port, "/api/requests/\(token)/challenges/\(id)",
                                                json: #"{"approve":true}"#, headers: ["Idempotency-Key: threeds-ok-\(index)-xyz"])
                #expect(approved.status == 201, "\(approved.text)")
                paidCards.append((reference, "3184", "Visa"))
            } else {
                let number = approvals[index % approvals.count]
                let digits = number.filter(\.isNumber)
                let cvc = digits.hasPrefix("37") ? cvcs4[index % cvcs4.count] : cvcs3[index % cvcs3.count]
                used.append(Attempt(number: number, cvc: cvc))
                let response = try RawHTTP.post(port: serve.port, "/api/requests/\(token)/payments",
                    json: #"{"method":"card","number":"\#(number)","exp":"11/33","cvc":"\#(cvc)","name":"Client \#(index)"}"#,
                    headers: ["Idempotency-Key: approve-\(index)-xyz"])
                #expect(response.status == 201, "\(number) → \(response.status) \(response.text)")
                #expect(!response.text.contains(digits) && !response.text.contains(cvc))
                let brand = digits.hasPrefix("4") ? "Visa" : digits.hasPrefix("5") ? "Mastercard" : "American Express"
                paidCards.append((reference, String(digits.suffix(4)), brand))
            }
        }
        // Search while the server still runs (the WAL is live), then again after it stopped.
        let needles = Self.needles(used)
        var hits = Self.search(workspace, needles: needles)
        // Positive control: the same search does find what is meant to be kept (last 4 in the ledger and on pages).
        let control = Self.search(workspace, needles: [Needle(label: "last 4", text: "\"last4\":\"4242\""), Needle(label: "last 4", text: "4444")])
        #expect(control.contains { $0.hasPrefix(".paypage/") } && control.contains { $0.hasPrefix("Output/") }, "the search does not read the files: \(control.prefix(3))")
        let result = try serve.stop()
        try ledger.close()
        hits += Self.search(workspace, needles: needles)
        for (name, text) in [("serve stdout", result.stdout), ("serve stderr", result.stderr)] {
            for needle in needles where text.contains(needle.text) { hits.append("\(name): \(needle.label)") }
            // A bare three-digit CVC also matches timings ("in 381 ms"): the needles above search
            // it in every context a form, JSON or log line would put it.
        }
        #expect(hits.isEmpty, "card data found: \(Set(hits).sorted().prefix(20))")

        // What may be kept is kept: brand and last 4 on each receipt.
        let service = try RequestService.open(paths)
        for card in paidCards {
            let overview = try service.overview(card.reference)
            #expect(overview.status == .paid)
            let token = String(overview.link.split(separator: "/").last!)
            let receipt = (try? String(contentsOf: workspace.output.appendingPathComponent("public/p/\(token)/receipt/en/index.html"),
                                       encoding: .utf8)) ?? ""
            #expect(receipt.contains(card.last4) && receipt.contains(card.brand), "\(card.reference): receipt lacks \(card.brand) \(card.last4)")
        }
    }

    struct Needle { var label: String; var text: String }

    /// Each full number (digits, with spaces, with dashes, as typed, and without its last 4) and
    /// each CVC in the contexts a form or JSON would put it.
    static func needles(_ attempts: [Attempt]) -> [Needle] {
        var result: [String: String] = [:]
        for attempt in attempts {
            let digits = attempt.number.filter(\.isNumber)
            let grouped = stride(from: 0, to: digits.count, by: 4).map { start -> String in
                let begin = digits.index(digits.startIndex, offsetBy: start)
                return String(digits[begin..<digits.index(begin, offsetBy: min(4, digits.count - start))])
            }
            for form in [digits, attempt.number, grouped.joined(separator: " "), grouped.joined(separator: "-"), String(digits.dropLast(4))] {
                result[form] = "number \(digits)"
            }
            for context in ["\"cvc\":\"\(attempt.cvc)\"", "\"cvc\": \"\(attempt.cvc)\"", "cvc=\(attempt.cvc)", "\"cvc\":\(attempt.cvc)",
                            "cvc\":\"\(attempt.cvc)", "CVC \(attempt.cvc)", "cvc: \(attempt.cvc)", "\"\(attempt.cvc)\""] {
                result[context] = "CVC \(attempt.cvc) (\(context))"
            }
        }
        return result.map { Needle(label: $0.value, text: $0.key) }
    }

    /// Every file of Output/ and .paypage/ (ledger, -wal, -shm), searched as bytes.
    static func search(_ workspace: HardeningWorkspace, needles: [Needle]) -> [String] {
        var hits: [String] = []
        for folder in [workspace.output, workspace.root.appendingPathComponent(".paypage"), workspace.root.appendingPathComponent("Records")] {
            for relative in filesUnder(folder) {
                guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) else { continue }
                for needle in needles where data.contains(Data(needle.text.utf8)) {
                    hits.append("\(folder.lastPathComponent)/\(relative): \(needle.label)")
                }
            }
        }
        return hits
    }
}
