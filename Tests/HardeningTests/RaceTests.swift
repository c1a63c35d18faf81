import Billing
import Checkout
import Foundation
import Generator
import Operations
import PreviewServer
import Store
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Item 2: races on one request, from threads sharing the ledger through several connections
/// (as several processes would), through the JSON API, and between two `paypage build`s.
@Suite("Races", .serialized)
struct RaceTests {
    static func card(_ number: String, cvc: String = "123") -> PaymentSource {
        .card(CardDetails(number: number, expiry: CardExpiry(month: 12, year: 2034), cvc: cvc, name: "Marie Tremblay"))
    }

    /// A workspace with `count` open quick requests R-000…, and `connections` services on it.
    static func workspace(_ count: Int, amount: String = "125.00", connections: Int = 4) throws -> (HardeningWorkspace, [RequestService]) {
        let workspace = try HardeningWorkspace("race", invoices: false)
        let paths = WorkspacePaths(root: workspace.root)
        let first = try RequestService.open(paths)
        for index in 0..<count {
            _ = try first.create(NewRequest(reference: String(format: "R-%03d", index), customerName: "Marie Tremblay",
                                            phone: "514-555-0100", amount: amount, send: false))
        }
        var services = [first]
        for _ in 1..<connections { services.append(try RequestService.open(paths)) }
        return (workspace, services)
    }

    static func events(_ service: RequestService, _ reference: String) throws -> [RequestEvent] {
        try service.ledger.entries(for: try Reference(reference)).map(\.event)
    }

    @Test("100 concurrent submissions with one idempotency key: one payment, 100 identical answers")
    func idempotentCheckoutFromThreads() throws {
        let (workspace, services) = try Self.workspace(1)
        defer { withExtendedLifetime(workspace) {} }
        let results = Locked<[CheckoutResult]>([])
        let errors = Locked<[String]>([])
        let done = runOnThreads(100) { index in
            let service = CheckoutService.simulated(services[index % services.count])
            do {
                let result = try service.charge("R-000", source: Self.card("4242424242424242"), idempotencyKey: "attempt-0001-abcdef")
                results.mutate { $0.append(result) }
            } catch {
                errors.mutate { $0.append("\(error)") }
            }
        }
        #expect(done)
        #expect(errors.value.isEmpty, "\(errors.value.prefix(3))")
        #expect(results.value.count == 100)
        #expect(Set(results.value).count == 1, "\(Set(results.value).count) different answers")
        #expect(results.value.first?.payment != nil)
        let paid = try Self.events(services[0], "R-000").filter { $0.kind == "paid" }
        #expect(paid.count == 1)

        // The same key with another method (or another card) is refused, not replayed or charged.
        for source in [PaymentSource.wallet(.applePay, .approve), Self.card("5555555555554444")] {
            #expect(throws: OperationError.self) {
                _ = try CheckoutService.simulated(services[1]).charge("R-000", source: source, idempotencyKey: "attempt-0001-abcdef")
            }
        }
        #expect(try Self.events(services[0], "R-000").filter { $0.kind == "paid" }.count == 1)
    }

    @Test("same idempotency key with another amount or method through RequestService.pay is refused")
    func idempotencyConflictOnAmount() throws {
        let (workspace, services) = try Self.workspace(2)
        defer { withExtendedLifetime(workspace) {} }
        let service = services[0]
        let method = PaymentMethod(kind: .cash)
        let amount = try Money.parse("125.00", currency: .cad)
        let first = try service.pay("R-000", amount: amount, method: method, authorizationCode: "CAS-1", idempotencyKey: "pay-key-000001")
        let replay = try service.pay("R-000", amount: amount, method: method, authorizationCode: "CAS-2", idempotencyKey: "pay-key-000001")
        #expect(first == replay)
        for (other, otherMethod) in [(try Money.parse("124.00", currency: .cad), method), (amount, PaymentMethod(kind: .cheque))] {
            do {
                _ = try service.pay("R-000", amount: other, method: otherMethod, authorizationCode: "X", idempotencyKey: "pay-key-000001")
                Issue.record("a different payment under the same key was accepted")
            } catch {
                guard case .store(.idempotencyConflict) = error else { Issue.record("unexpected \(error)"); continue }
            }
        }
        // Reusing the key on another request is a conflict too.
        #expect(throws: OperationError.self) {
            _ = try service.pay("R-001", amount: amount, method: method, authorizationCode: "X", idempotencyKey: "pay-key-000001")
        }
        #expect(try Self.events(service, "R-000").filter { $0.kind == "paid" }.count == 1)
        #expect(try Self.events(service, "R-001").filter { $0.kind == "paid" }.isEmpty)
    }

    @Test("50 concurrent partial refunds summing past the payment: total refunded never exceeds it")
    func concurrentRefunds() throws {
        let (workspace, services) = try Self.workspace(1, amount: "100.00")
        defer { withExtendedLifetime(workspace) {} }
        _ = try services[0].markPaid("R-000", method: .cash)
        let successes = Locked<[Int64]>([])
        let done = runOnThreads(50) { index in
            // 50 × 3.00..7.90: about 275 in all against 100 paid.
            let amount = "\(3 + index % 5).\(index % 10)0"
            if let result = try? services[index % services.count].refund("R-000", amount: amount, reason: nil) {
                successes.mutate { $0.append(result.amount.minorUnits) }
            }
        }
        #expect(done)
        let refunds = try Self.events(services[0], "R-000").compactMap { if case .refunded(let r) = $0 { r } else { nil } }
        let total = refunds.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        #expect(total <= 10_000, "refunded \(total) of 10000")
        #expect(refunds.count == successes.value.count, "acknowledged \(successes.value.count), recorded \(refunds.count)")
        #expect(total == successes.value.reduce(0, +))
        #expect(Set(refunds.map(\.number)).count == refunds.count, "refund numbers repeat")
        #expect(total > 9_000, "the refunds should have used up nearly all of it")
    }

    @Test("a payment racing a void: exactly one wins, every time")
    func paymentRacingVoid() throws {
        let rounds = Hardening.isLong ? 200 : 30
        let (workspace, services) = try Self.workspace(rounds)
        defer { withExtendedLifetime(workspace) {} }
        for round in 0..<rounds {
            let reference = String(format: "R-%03d", round)
            let paid = Locked(false), voided = Locked(false)
            let done = runOnThreads(2) { index in
                if index == 0 {
                    let result = try? CheckoutService.simulated(services[0]).charge(reference, source: Self.card("4242424242424242"),
                                                                                  idempotencyKey: "race-\(reference)-key")
                    if result?.payment != nil { paid.mutate { $0 = true } }
                } else {
                    if (try? services[1].void(reference, reason: "race")) != nil { voided.mutate { $0 = true } }
                }
            }
            #expect(done)
            #expect(paid.value != voided.value, "\(reference): paid \(paid.value), voided \(voided.value)")
            let kinds = try Self.events(services[2], reference).map(\.kind)
            #expect(kinds.filter { $0 == "paid" || $0 == "voided" }.count == 1, "\(reference): \(kinds)")
        }
    }

    @Test("100 concurrent JSON API submissions with one Idempotency-Key: one payment, identical bodies")
    func idempotentCheckoutOverHTTP() async throws {
        let (workspace, services) = try Self.workspace(1)
        defer { withExtendedLifetime(workspace) {} }
        let paths = WorkspacePaths(root: workspace.root)
        let site = try PreviewSite(paths: paths, options: BuildOptions())
        _ = try site.publisher.publish(wait: 30)
        let server = try await RunningPreview.start(site.server(PreviewServerConfiguration(
            host: "127.0.0.1", port: 0, outputDirectory: paths.output, liveReload: false)))
        defer { Task { await server.stop() } }
        let token = try #require(try services[0].ledger.request(reference: try Reference("R-000"))?.token.value)
        let port = server.port
        let bodies = Locked<[String]>([])
        let statuses = Locked<[Int]>([])
        let done = try await offPool { runOnThreads(100) { _ in
            let response = try? RawHTTP.post(port: port, "/api/requests/\(token)/payments",
                                             json: #"{"method":"card","number":"4242 4242 4242 4242","exp":"12/34","cvc":"123","name":"M T"}"#,
                                             headers: ["Idempotency-Key: http-race-000001"])
            statuses.mutate { $0.append(response?.status ?? -1) }
            bodies.mutate { $0.append(response?.text ?? "") }
        } }
        #expect(done)
        #expect(Set(statuses.value) == [201], "statuses: \(Dictionary(grouping: statuses.value, by: { $0 }).mapValues(\.count))")
        #expect(Set(bodies.value).count == 1, "\(Set(bodies.value).prefix(3))")
        #expect(try Self.events(services[0], "R-000").filter { $0.kind == "paid" }.count == 1)
        let conflict = try await offPool {
            try RawHTTP.post(port: port, "/api/requests/\(token)/payments",
                             json: #"{"method":"apple_pay","action":"approve"}"#, headers: ["Idempotency-Key: http-race-000001"])
        }
        #expect(conflict.status == 409, "\(conflict) \(conflict.text)")
    }

    @Test("two paypage build processes at once: whole files, the loser exits 75 with the lock message")
    func twoBuildsAtOnce() throws {
        try #require(Hardening.binary != nil, "build the paypage binary first")
        let workspace = try HardeningWorkspace("builds")
        #expect(try workspace.run(["demo"]).status == 0)
        var sawBusy = false
        for round in 0..<(Hardening.isLong ? 20 : 4) {
            let arguments = ["build", "--force", "--workspace", workspace.root.path]
            let a = try PayPageProcess(arguments), b = try PayPageProcess(arguments)
            let first = try a.wait(), second = try b.wait()
            for result in [first, second] {
                #expect(result.status == 0 || result.status == 75, "round \(round): \(result)")
                if result.status == 75 {
                    sawBusy = true
                    #expect(result.stderr.contains("another paypage process is building this workspace"), "\(result.stderr)")
                }
            }
            let audit = try HTMLAudit.run("complete", workspace.output)
            #expect(audit.problems.isEmpty, "\(audit.problems.prefix(5))")
        }
        // Deterministically: while the lock is held, `paypage build` answers 75 at once with the message.
        do {
            let held = try WorkspaceLock(workspace.root.appendingPathComponent(".paypage/build.lock"))
            let blocked = try workspace.run(["build"], timeout: 30)
            #expect(blocked.status == 75, "\(blocked)")
            #expect(blocked.stderr.contains("error: another paypage process is building this workspace"), "\(blocked.stderr)")
            withExtendedLifetime(held) {}
        }
        _ = sawBusy  // both outcomes are fine when the builds do not overlap
        let after = try workspace.run(["build"])
        #expect(after.status == 0, "\(after)")
    }
}
