import Billing
import Checkout
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Operations
import Testing
@testable import PreviewServer

/// The checkout's JSON API under `/api/requests/<token>`, through the router without sockets.
@Suite struct CheckoutAPITests {
    static let card = ["method": "card", "number": "4242424242424242", "exp": "12/34", "cvc": "123", "name": "Marie Tremblay"]

    static func pay(_ client: any TestClientProtocol, _ token: String, key: String?,
                    _ fields: [String: String] = CheckoutAPITests.card) async throws -> TestResponse {
        try await client.execute(uri: "/api/requests/\(token)/payments", method: .post, headers: Web.json(key), body: Web.jsonBody(fields))
    }

    @Test func info() async throws {
        let workspace = try CheckoutWorkspace([("API-1", "125.00")])
        let token = try workspace.token("API-1")
        try await workspace.withClient { client in
            let response = try await client.execute(uri: "/api/requests/\(token)", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            #expect(response.headers[.cacheControl] == "no-store")
            RouterTests.expectSecurityHeaders(response)
            let info = Web.object(response)
            #expect(info["reference"] as? String == "API-1")
            #expect(info["status"] as? String == "open")
            #expect(info["methods"] as? [String] == ["card", "apple_pay", "google_pay", "affirm"])
            let due = try #require(info["amountDue"] as? [String: Any])
            #expect(due["value"] as? String == "125.00")
            #expect(due["currency"] as? String == "CAD")
            #expect((due["display"] as? [String: String])?["en"] == "$125.00")
            let plans = try #require(info["affirmPlans"] as? [[String: Any]])
            #expect(plans.map { $0["months"] as? Int } == [3, 6, 12])
            #expect((info["link"] as? String)?.hasSuffix("/p/\(token)/") == true)
        }
    }

    @Test func paymentNeedsAnIdempotencyKey() async throws {
        let workspace = try CheckoutWorkspace([("API-2", "125.00")])
        let token = try workspace.token("API-2")
        try await workspace.withClient { client in
            for key in [nil, "", "short", String(repeating: "k", count: 129), "has space in it", "ключ-ключ-ключ"] as [String?] {
                let response = try await Self.pay(client, token, key: key)
                #expect(response.status == .badRequest, "\(key ?? "nil")")
                #expect(Web.object(response)["status"] as? String == "error")
            }
        }
        #expect(try workspace.paidCount("API-2") == 0)
    }

    @Test func sameKeyTwiceReplaysTheSameAnswer() async throws {
        let workspace = try CheckoutWorkspace([("API-3", "125.00")])
        let token = try workspace.token("API-3")
        try await workspace.withClient { client in
            let first = try await Self.pay(client, token, key: "key-api-3-0001")
            #expect(first.status == .created)
            let body = Web.object(first)
            #expect(body["status"] as? String == "paid")
            #expect((body["method"] as? [String: Any])?["last4"] as? String == "4242")
            #expect((body["method"] as? [String: Any])?["brand"] as? String == "Visa")
            #expect(body["receipt"] as? String == "/p/\(token)/receipt/")
            #expect(!Web.text(first).contains("4242424242424242"))
            #expect(!Web.text(first).contains("\"cvc\""))
            let second = try await Self.pay(client, token, key: "key-api-3-0001")
            #expect(second.status == .created)
            #expect(second.body == first.body)
            // Same key, another method: refused.
            let other = try await Self.pay(client, token, key: "key-api-3-0001", ["method": "apple_pay", "action": "approve"])
            #expect(other.status == .conflict)
            #expect(Web.object(other)["status"] as? String == "error")
            // Another key: the request is already paid.
            let later = try await Self.pay(client, token, key: "key-api-3-0002")
            #expect(later.status == .conflict)
            #expect(Web.object(later)["status"] as? String == "refused")
            let info = Web.object(try await client.execute(uri: "/api/requests/\(token)", method: .get))
            #expect(info["status"] as? String == "paid")
            #expect(info["methods"] as? [String] == [])
        }
        #expect(try workspace.paidCount("API-3") == 1)
    }

    @Test func keyOfAnotherRequestIsRefused() async throws {
        let workspace = try CheckoutWorkspace([("API-4", "125.00"), ("API-5", "125.00")])
        try await workspace.withClient { client in
            let first = try await Self.pay(client, try workspace.token("API-4"), key: "key-shared-0001")
            #expect(first.status == .created)
            let second = try await Self.pay(client, try workspace.token("API-5"), key: "key-shared-0001")
            #expect(second.status == .conflict)
        }
        #expect(try workspace.paidCount("API-4") == 1)
        #expect(try workspace.paidCount("API-5") == 0)
    }

    @Test func declinedAndInvalidAnswers() async throws {
        let workspace = try CheckoutWorkspace([("API-6", "125.00")])
        let token = try workspace.token("API-6")
        try await workspace.withClient { client in
            var fields = Self.card
            fields["number"] = "4000000000009995"
            let declined = try await Self.pay(client, token, key: "key-api-6-0001", fields)
            #expect(declined.status.code == 402)
            let body = Web.object(declined)
            #expect(body["status"] as? String == "declined")
            #expect(body["code"] as? String == "insufficient_funds")
            #expect((body["message"] as? [String: String])?["fr"] == DeclineReason.insufficientFunds.message(.fr))
            // A declined answer is final for its key: a retry replays it.
            let replay = try await Self.pay(client, token, key: "key-api-6-0001", fields)
            #expect(replay.body == declined.body)

            fields["number"] = "4242424242424241"
            fields["cvc"] = "1"
            let invalid = try await Self.pay(client, token, key: "key-api-6-0002", fields)
            #expect(invalid.status == .unprocessableContent)
            let errors = try #require(Web.object(invalid)["errors"] as? [[String: Any]])
            #expect(Set(errors.compactMap { $0["field"] as? String }) == ["number", "cvc"])

            let unknown = try await Self.pay(client, token, key: "key-api-6-0003", ["method": "bitcoin"])
            #expect(unknown.status == .badRequest)
        }
        try CheckoutPaymentTests.expectNothingRecorded(workspace, "API-6")
    }

    @Test func challengeThroughTheAPI() async throws {
        let workspace = try CheckoutWorkspace([("API-7", "125.00")])
        let token = try workspace.token("API-7")
        try await workspace.withClient { client in
            var fields = Self.card
            fields["number"] = "4000002760003184"
            let pending = try await Self.pay(client, token, key: "key-api-7-0001", fields)
            #expect(pending.status == .accepted)
            let id = try #require(Web.object(pending)["challenge"] as? String)
            let answer = try await client.execute(uri: "/api/requests/\(token)/challenges/\(id)", method: .post,
                                                  headers: Web.json("key-api-7-0002"), body: ByteBuffer(string: "{\"approve\": true}"))
            #expect(answer.status == .created)
            #expect(Web.object(answer)["status"] as? String == "paid")
        }
        #expect(try workspace.paidCount("API-7") == 1)
    }

    @Test func failedChallengeIsAnsweredOnce() async throws {
        let workspace = try CheckoutWorkspace([("API-13", "125.00")])
        let token = try workspace.token("API-13")
        try await workspace.withClient { client in
            var fields = Self.card
            fields["number"] = "4000002760003184"
            let pending = try await Self.pay(client, token, key: "key-api-13-0001", fields)
            let id = try #require(Web.object(pending)["challenge"] as? String)
            func answer(_ approve: Bool, key: String) async throws -> TestResponse {
                try await client.execute(uri: "/api/requests/\(token)/challenges/\(id)", method: .post,
                                         headers: Web.json(key), body: ByteBuffer(string: "{\"approve\": \(approve)}"))
            }
            let failed = try await answer(false, key: "key-api-13-0002")
            #expect(failed.status.code == 402)
            #expect(Web.object(failed)["code"] as? String == "authentication_failed")
            let again = try await answer(true, key: "key-api-13-0003")
            #expect(again.status == .notFound)
            let replay = try await answer(false, key: "key-api-13-0002")
            #expect(replay.body == failed.body)
        }
        try CheckoutPaymentTests.expectNothingRecorded(workspace, "API-13")
    }

    @Test func unknownTokensAllAnswerTheSame() async throws {
        let workspace = try CheckoutWorkspace([("API-8", "125.00")])
        let rotated = try workspace.token("API-8")
        _ = try workspace.service.rotateLink("API-8")
        try await workspace.withClient { client in
            var bodies: Set<String> = []
            for token in ["ZZZZZZZZZZZZZZZZZZZZZZ", "x", rotated, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"] {
                let info = try await client.execute(uri: "/api/requests/\(token)", method: .get)
                #expect(info.status == .notFound, "\(token)")
                let pay = try await Self.pay(client, token, key: "key-unknown-0001")
                #expect(pay.status == .notFound, "\(token)")
                let nokey = try await Self.pay(client, token, key: nil)
                #expect(nokey.status == .notFound, "\(token)")
                bodies.formUnion([Web.text(info), Web.text(pay), Web.text(nokey)])
            }
            #expect(bodies.count == 1)
        }
        #expect(try workspace.paidCount("API-8") == 0)
    }

    /// 50 submissions at once with one key: one payment, 50 identical answers.
    @Test func fiftyConcurrentSubmissionsWithOneKey() async throws {
        let workspace = try CheckoutWorkspace([("API-9", "125.00")])
        let token = try workspace.token("API-9")
        try await workspace.withClient { client in
            let answers = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for _ in 0..<50 {
                    group.addTask {
                        let response = try await Self.pay(client, token, key: "key-concurrent-0001")
                        return (response.status.code, Web.text(response))
                    }
                }
                var all: [(Int, String)] = []
                for try await answer in group { all.append(answer) }
                return all
            }
            #expect(answers.count == 50)
            #expect(Set(answers.map(\.0)) == [201])
            #expect(Set(answers.map(\.1)).count == 1)
        }
        #expect(try workspace.paidCount("API-9") == 1)
        #expect(try workspace.kinds("API-9").filter { $0 == "notified" }.count == 1)
    }

    /// 50 submissions at once with 50 keys: still one payment; the others are told it is paid.
    @Test func fiftyConcurrentSubmissionsWithManyKeys() async throws {
        let workspace = try CheckoutWorkspace([("API-10", "125.00")])
        let token = try workspace.token("API-10")
        try await workspace.withClient { client in
            let codes = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<50 {
                    group.addTask { try await Self.pay(client, token, key: "key-many-\(1000 + index)").status.code }
                }
                var all: [Int] = []
                for try await code in group { all.append(code) }
                return all
            }
            #expect(codes.filter { $0 == 201 }.count == 1)
            #expect(codes.filter { $0 == 409 }.count == 49)
        }
        #expect(try workspace.paidCount("API-10") == 1)
    }

    /// A payment racing a void (another connection, like `paypage void` in another terminal):
    /// exactly one wins, every time.
    @Test func paymentRacingAVoid() async throws {
        let references = (1...8).map { "RACE-\($0)" }
        let workspace = try CheckoutWorkspace(references.map { ($0, "125.00") })
        let voider = try RequestService.open(workspace.paths)
        try await workspace.withClient { client in
            for reference in references {
                let token = try workspace.token(reference)
                async let payment = Self.pay(client, token, key: "key-race-\(reference)")
                async let voided: Bool = Task.detached {
                    do { _ = try voider.void(reference, reason: "race"); return true } catch { return false }
                }.value
                let (response, didVoid) = try await (payment, voided)
                let paid = response.status == .created
                #expect(paid != didVoid, "\(reference): paid \(paid), voided \(didVoid)")
                if !paid { #expect(response.status == .conflict) }
                let state = try workspace.state(reference)
                #expect(state.status == (paid ? .paid : .voided))
                #expect(try workspace.paidCount(reference) == (paid ? 1 : 0))
                #expect(try workspace.kinds(reference).filter { $0 == "voided" }.count == (didVoid ? 1 : 0))
            }
        }
    }

    @Test func wallets() async throws {
        let workspace = try CheckoutWorkspace([("API-11", "125.00")])
        let token = try workspace.token("API-11")
        try await workspace.withClient { client in
            let cancelled = try await Self.pay(client, token, key: "key-wallet-0001", ["method": "google_pay", "action": "cancel"])
            #expect(cancelled.status == .ok)
            #expect(Web.object(cancelled)["status"] as? String == "cancelled")
            let failed = try await Self.pay(client, token, key: "key-wallet-0002", ["method": "google_pay", "action": "fail"])
            #expect(failed.status.code == 402)
            #expect(Web.object(failed)["code"] as? String == "wallet_failed")
            try CheckoutPaymentTests.expectNothingRecorded(workspace, "API-11")
            let approved = try await Self.pay(client, token, key: "key-wallet-0003", ["method": "google_pay", "action": "approve"])
            #expect(approved.status == .created)
            #expect((Web.object(approved)["method"] as? [String: Any])?["kind"] as? String == "google_pay")
        }
        #expect(try workspace.paidCount("API-11") == 1)
    }

    @Test func affirmPlanThroughTheAPI() async throws {
        let workspace = try CheckoutWorkspace([("API-12", "600.00")])
        let token = try workspace.token("API-12")
        try await workspace.withClient { client in
            let bad = try await Self.pay(client, token, key: "key-affirm-0001", ["method": "affirm", "months": "5"])
            #expect(bad.status != .created)
            let declined = try await Self.pay(client, token, key: "key-affirm-0002", ["method": "affirm", "months": "6", "credit": "decline"])
            #expect(declined.status.code == 402)
            #expect(Web.object(declined)["code"] as? String == "affirm_declined")
            let paid = try await Self.pay(client, token, key: "key-affirm-0003", ["method": "affirm", "months": "12"])
            #expect(paid.status == .created)
            #expect((Web.object(paid)["method"] as? [String: Any])?["affirmMonths"] as? Int == 12)
        }
        #expect(try workspace.paidCount("API-12") == 1)
    }
}
