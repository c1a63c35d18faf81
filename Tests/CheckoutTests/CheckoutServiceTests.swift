import Billing
import Foundation
@testable import Checkout
import Operations
import Store
import Testing

/// A temporary workspace with the repository's business settings and replies (and optionally
/// its invoices and demo history), and a RequestService on it.
final class CheckoutWorkspace: @unchecked Sendable {
    /// The repository root, from this file's path: Tests/CheckoutTests/CheckoutServiceTests.swift.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Monday 3 November 2025, noon in Toronto.
    static let start = Fixture.date(2025, 11, 3, 12)

    let root: URL
    let paths: WorkspacePaths
    let service: RequestService

    init(invoices: Bool = false, at date: Date = CheckoutWorkspace.start) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("paypage-checkout-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("Records"), withIntermediateDirectories: true)
        let records = Self.repository.appendingPathComponent("Records")
        for item in ["business.json", "businesses", "replies.json"] + (invoices ? ["invoices", "demo-history.json"] : []) {
            try fm.copyItem(at: records.appendingPathComponent(item), to: root.appendingPathComponent("Records/\(item)"))
        }
        if !invoices {
            try fm.createDirectory(at: root.appendingPathComponent("Records/invoices"), withIntermediateDirectories: true)
        }
        paths = WorkspacePaths(root: root)
        service = try RequestService.open(paths, clock: { date })
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func open() throws -> RequestService { try RequestService.open(paths, clock: service.clock) }

    func quick(_ reference: String, amount: String = "125.00") throws {
        _ = try service.create(NewRequest(reference: reference, customerName: "Marie Tremblay", phone: "514-555-0100",
                                          amount: amount, send: false))
    }

    func paidCount(_ reference: String) throws -> Int {
        try service.ledger.entries(for: try Reference(reference)).filter { $0.event.kind == "paid" }.count
    }

    func status(_ reference: String) throws -> RequestStatus { try service.overview(reference).status }

    static func card(_ number: String) -> PaymentSource {
        let cvc = CardBrand.detect(digits: number) == .amex ? "1234" : "123"
        return .card(CardDetails(number: number, expiry: CardExpiry(month: 12, year: 2030), cvc: cvc, name: "Marie Tremblay"))
    }
}

final class Collected<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [T] = []
    func add(_ item: T) { lock.lock(); items.append(item); lock.unlock() }
    var all: [T] { lock.lock(); defer { lock.unlock() }; return items }
}

/// Runs `count` bodies on `count` real threads released together.
func runConcurrently(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) -> Bool {
    let start = DispatchSemaphore(value: 0)
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        Thread.detachNewThread {
            start.wait()
            body(index)
            group.leave()
        }
    }
    for _ in 0..<count { start.signal() }
    return group.wait(timeout: .now() + 120) == .success
}

@Suite("CheckoutService")
struct CheckoutServiceTests {
    @Test("a test card pays the request: paid event, receipt, confirmation")
    func cardPays() throws {
        let ws = try CheckoutWorkspace()
        try ws.quick("RO-5001")
        let result = try CheckoutService.simulated(ws.service).charge("RO-5001", source: CheckoutWorkspace.card("4242424242424242"),
                                                                      idempotencyKey: "k1")
        let payment = try #require(result.payment)
        #expect(payment.amount == Fixture.cad(12_500))
        #expect(payment.method.cardBrand == "Visa")
        #expect(payment.method.last4 == "4242")
        #expect(isAuthorizationCode(payment.authorizationCode))
        #expect(payment.receiptNumber == 1)
        #expect(try ws.status("RO-5001") == .paid)
        #expect(try ws.paidCount("RO-5001") == 1)
    }

    @Test("50 concurrent charges with one idempotency key: exactly one payment, identical answers")
    func concurrentIdempotentCharges() throws {
        let ws = try CheckoutWorkspace()
        try ws.quick("RO-5001")
        let checkout = CheckoutService.simulated(ws.service)
        let results = Collected<Result<CheckoutResult, OperationError>>()
        let done = runConcurrently(50) { _ in
            do throws(OperationError) {
                results.add(.success(try checkout.charge("RO-5001", source: CheckoutWorkspace.card("4242424242424242"),
                                                         idempotencyKey: "double-click-1")))
            } catch { results.add(.failure(error)) }
        }
        #expect(done)
        let all = results.all
        #expect(all.count == 50)
        let answers = all.compactMap { try? $0.get() }
        #expect(answers.count == 50, "failures: \(all.compactMap { if case .failure(let e) = $0 { e.description } else { nil } })")
        #expect(Set(answers).count == 1, "answers differ: \(Set(answers))")
        #expect(answers.first?.payment != nil)
        #expect(try ws.paidCount("RO-5001") == 1)
        #expect(try ws.service.ledger.notifications().count == 1)
        #expect(try ws.service.ledger.outbox().filter { $0.kind == "confirmation" }.count == 1)
    }

    @Test("50 concurrent charges from separate connections (like separate processes), one key: one payment")
    func concurrentIdempotentChargesSeparateLedgers() throws {
        let ws = try CheckoutWorkspace()
        try ws.quick("RO-5001")
        let services = try (0..<5).map { _ in try ws.open() }
        let results = Collected<CheckoutResult?>()
        let done = runConcurrently(50) { index in
            let checkout = CheckoutService.simulated(services[index % services.count])
            results.add(try? checkout.charge("RO-5001", source: CheckoutWorkspace.card("4242424242424242"), idempotencyKey: "k"))
        }
        #expect(done)
        let answers = results.all
        #expect(answers.allSatisfy { $0 != nil }, "some attempts failed (busy?)")
        #expect(Set(answers.compactMap { $0 }).count == 1)
        #expect(try ws.paidCount("RO-5001") == 1)
    }

    @Test("50 concurrent charges with different keys: still one payment, the others are refused")
    func concurrentDistinctKeys() throws {
        let ws = try CheckoutWorkspace()
        try ws.quick("RO-5001")
        let checkout = CheckoutService.simulated(ws.service)
        let results = Collected<CheckoutResult?>()
        #expect(runConcurrently(50) { index in
            results.add(try? checkout.charge("RO-5001", source: CheckoutWorkspace.card("4242424242424242"), idempotencyKey: "key-\(index)"))
        })
        let answers = results.all.compactMap { $0 }
        #expect(answers.count == 50)
        #expect(answers.filter { $0.payment != nil }.count == 1)
        #expect(answers.filter { if case .refused = $0 { true } else { false } }.count == 49)
        #expect(try ws.paidCount("RO-5001") == 1)
    }

    @Test("the same key with another card or another method is an idempotencyConflict", arguments: [
        CheckoutWorkspace.card("5555555555554444"),
        PaymentSource.wallet(.applePay, .approve),
        PaymentSource.affirm(AffirmSelection(months: 3), creditCheck: .approve),
    ])
    func idempotencyConflict(second: PaymentSource) throws {
        let ws = try CheckoutWorkspace()
        try ws.quick("RO-5001")
        let checkout = CheckoutService.simulated(ws.service)
        let first = try checkout.charge("RO-5001", source: CheckoutWorkspace.card("4242424242424242"), idempotencyKey: "k")
        #expect(first.payment != nil)
        do {
            let again = try checkout.charge("RO-5001", source: second, idempotencyKey: "k")
            Issue.record("expected idempotencyConflict, got \(again)")
        } catch {
            guard case .store(.idempotencyConflict(_, let key)) = error else {
                Issue.record("expected idempotencyConflict, got \(error)")
                return
            }
            #expect(key == "k")
        }
        #expect(try ws.paidCount("RO-5001") == 1)
    }

    @Test("the same key on another request is a conflict")
    func idempotencyConflictOtherRequest() throws {
        let ws = try CheckoutWorkspace()
        try ws.quick("RO-5001")
        try ws.quick("RO-5002")
        let checkout = CheckoutService.simulated(ws.service)
        _ = try checkout.charge("RO-5001", source: CheckoutWorkspace.card("4242424242424242"), idempotencyKey: "k")
        #expect(throws: OperationError.self) {
            _ = try checkout.charge("RO-5002", source: CheckoutWorkspace.card("4242424242424242"), idempotencyKey: "k")
        }
        #expect(try ws.status("RO-5002") == .open)
    }

    @Test("declined test cards record nothing", arguments: [
        ("4000000000000002", DeclineReason.cardDeclined),
        ("4000000000009995", .insufficientFunds),
        ("4000000000009987", .lostCard),
        ("4000000000000119", .processingError),
    ])
    func declinedRecordsNothing(number: String, reason: DeclineReason) throws {
        let ws = try CheckoutWorkspace()
        try ws.quick("RO-5001")
        let before = try ws.service.ledger.allEntries()
        let outboxBefore = try ws.service.ledger.outbox()
        let result = try CheckoutService.simulated(ws.service).charge("RO-5001", source: CheckoutWorkspace.card(number), idempotencyKey: nil)
        #expect(result == .declined(reason))
        #expect(try ws.service.ledger.allEntries() == before)
        #expect(try ws.service.ledger.outbox() == outboxBefore)
        #expect(try ws.service.ledger.notifications().isEmpty)
        #expect(try ws.status("RO-5001") == .open)
        // The customer can then pay with a good card; it gets receipt #1 (no number was used up).
        let paid = try CheckoutService.simulated(ws.service).charge("RO-5001", source: CheckoutWorkspace.card("4242424242424242"),
                                                                    idempotencyKey: nil)
        #expect(paid.payment?.receiptNumber == 1)
    }

    @Test("a real-looking card number is refused as not a test card, nothing recorded")
    func notATestCard() throws {
        let ws = try CheckoutWorkspace()
        try ws.quick("RO-5001")
        let number = Fixture.withCheckDigit("411111111111111")
        guard SimulatedProcessor.testCards[number] == nil else { return }
        let result = try CheckoutService.simulated(ws.service).charge("RO-5001", source: CheckoutWorkspace.card(number), idempotencyKey: nil)
        #expect(result == .declined(.notATestCard))
        #expect(try ws.paidCount("RO-5001") == 0)
    }

    @Test("a form error with an idempotency key must not be replayed once the customer corrects it")
    func correctedFormIsNotReplayed() throws {
        // Stripe keeps no idempotent result when the parameters fail validation: the customer
        // fixes the expiry and presses Pay again (the page may keep its key).
        let ws = try CheckoutWorkspace()
        try ws.quick("RO-5001")
        let checkout = CheckoutService.simulated(ws.service)
        let expired = PaymentSource.card(CardDetails(number: "4242424242424242", expiry: CardExpiry(month: 1, year: 2020), cvc: "123", name: "Marie"))
        let first = try checkout.charge("RO-5001", source: expired, idempotencyKey: "page-1")
        guard case .invalid = first else { Issue.record("expected .invalid, got \(first)"); return }
        let second = try checkout.charge("RO-5001", source: CheckoutWorkspace.card("4242424242424242"), idempotencyKey: "page-1")
        #expect(second.payment != nil, "the corrected form got the stored answer again: \(second)")
    }

    @Test("a voided request refuses the checkout, nothing recorded")
    func voidedRefused() throws {
        let ws = try CheckoutWorkspace()
        try ws.quick("RO-5001")
        _ = try ws.service.void("RO-5001", reason: nil)
        let result = try CheckoutService.simulated(ws.service).charge("RO-5001", source: CheckoutWorkspace.card("4242424242424242"),
                                                                      idempotencyKey: "k")
        guard case .refused(let message) = result else { Issue.record("expected .refused, got \(result)"); return }
        #expect(message.contains("voided"))
        #expect(try ws.paidCount("RO-5001") == 0)
    }

    @Test("a checkout payment racing a void: exactly one wins (20 times)")
    func checkoutRacingVoid() throws {
        let ws = try CheckoutWorkspace()
        let other = try ws.open()
        for round in 0..<20 {
            let reference = "RACE-\(round)"
            try ws.quick(reference)
            let paid = Collected<Bool>()
            let voided = Collected<Bool>()
            let checkout = CheckoutService.simulated(ws.service)
            #expect(runConcurrently(2) { index in
                if index == 0 {
                    let result = try? checkout.charge(reference, source: CheckoutWorkspace.card("4242424242424242"), idempotencyKey: "r\(round)")
                    paid.add(result?.payment != nil)
                } else {
                    voided.add((try? other.void(reference, reason: nil)) != nil)
                }
            })
            let payWon = paid.all == [true]
            let voidWon = voided.all == [true]
            #expect(payWon != voidWon, "round \(round): pay \(paid.all), void \(voided.all)")
            #expect(try ws.status(reference) == (payWon ? .paid : .voided))
        }
    }

    @Test("Affirm through the checkout: only from the minimum", arguments: [("49.99", false), ("50.00", true), ("600.00", true)])
    func affirmEligibility(amount: String, approved: Bool) throws {
        let ws = try CheckoutWorkspace()
        try ws.quick("VL-1", amount: amount)
        let result = try CheckoutService.simulated(ws.service).charge("VL-1", source: .affirm(AffirmSelection(months: 3), creditCheck: .approve),
                                                                      idempotencyKey: nil)
        #expect((result.payment != nil) == approved, "\(result)")
        if !approved { #expect(result == .declined(.affirmNotEligible)) }
    }
}

@Suite("CheckoutService: demo replay")
struct CheckoutServiceDemoReplayTests {
    @Test("DemoReplay on the repository's history leaves requests in every status")
    func demoEveryStatus() throws {
        let ws = try CheckoutWorkspace(invoices: true, at: Date())
        let history = try DemoReplay.load(ws.paths)
        let steps = try DemoReplay(requests: ws.service, history: history, now: Date()).run()
        #expect(steps == history.steps.count)
        _ = try ws.service.syncRecords()
        let rows = try ws.service.list()
        let statuses = Set(rows.map(\.status))
        for status in RequestStatus.allCases {
            #expect(statuses.contains(status), "no request is \(status.rawValue): \(Dictionary(grouping: rows, by: \.status).mapValues(\.count))")
        }
        // Every request of the records is in the ledger; WorkspaceCheck has nothing to say.
        let files = try FileManager.default.contentsOfDirectory(atPath: ws.paths.invoices.path).filter { $0.hasSuffix(".json") }
        #expect(rows.count == files.count)
        #expect(WorkspaceCheck(paths: ws.paths).run().isEmpty, "\(WorkspaceCheck(paths: ws.paths).run())")
        // Refunded ones add up: refundable = paid - refunded, never negative.
        for row in rows { #expect(row.refundable.minorUnits >= 0) }
    }

    @Test("the demo replays identically into a second fresh workspace (deterministic statuses)")
    func demoDeterministic() throws {
        let now = Date()
        func statuses() throws -> [String: RequestStatus] {
            let ws = try CheckoutWorkspace(invoices: true, at: now)
            _ = try DemoReplay(requests: ws.service, history: try DemoReplay.load(ws.paths), now: now).run()
            return Dictionary(uniqueKeysWithValues: try ws.service.list().map { ($0.reference, $0.status) })
        }
        #expect(try statuses() == statuses())
    }
}
