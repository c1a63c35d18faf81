import Billing
import Foundation
import Synchronization
import Testing
@testable import Store

/// Runs `body` on `count` real threads at once and waits for all of them.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            body(index)
            group.leave()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    group.wait()
}

final class Tally: Sendable {
    private let state = Mutex<(count: Int, failures: [String])>((0, []))
    func increment() { state.withLock { $0.count += 1 } }
    func fail(_ message: String) { state.withLock { $0.failures.append(message) } }
    var count: Int { state.withLock { $0.count } }
    var failures: [String] { state.withLock { $0.failures } }
}

struct ChargeResponse: Codable, Equatable {
    var receipt: Int
    var authorization: String
}

@Suite struct LedgerConcurrencyTests {
    @Test func sameKeySameFingerprintReturnsTheStoredResponseAndRunsOnce() throws {
        try withLedger { (ledger, _) throws in
            try Sample.create(ledger, "INV-1")
            var runs = 0
            func charge() throws -> ChargeResponse {
                try ledger.idempotent(key: "k-1", fingerprint: "INV-1|12500|card", at: Sample.now) { tx in
                    runs += 1
                    let number = try tx.nextNumber(.receipt)
                    return ChargeResponse(receipt: number, authorization: "A\(number)")
                }
            }
            let first = try charge()
            let second = try charge()
            #expect(first == ChargeResponse(receipt: 1, authorization: "A1"))
            #expect(second == first)
            #expect(runs == 1)
        }
    }

    @Test func sameKeyOtherFingerprintIsAConflict() throws {
        try withLedger { (ledger, _) throws in
            _ = try ledger.idempotent(key: "k-1", fingerprint: "INV-1|12500|card", at: Sample.now) { _ in 1 }
            #expect(throws: StoreError.idempotencyConflict(path: ledger.path, key: "k-1")) {
                _ = try ledger.idempotent(key: "k-1", fingerprint: "INV-1|99|card", at: Sample.now) { _ in 2 }
            }
        }
    }

    @Test func aFailedAttemptStoresNothingSoItCanBeRetried() throws {
        struct Declined: Error {}
        try withLedger { (ledger, _) throws in
            #expect(throws: Declined.self) {
                _ = try ledger.idempotent(key: "k", fingerprint: "f", at: Sample.now) { _ -> Int in throw Declined() }
            }
            #expect(try ledger.idempotent(key: "k", fingerprint: "f", at: Sample.now) { _ in 7 } == 7)
            let pruned = try ledger.transaction { tx in try tx.pruneIdempotencyKeys(before: Sample.now.addingTimeInterval(1)) }
            #expect(pruned == 1)
        }
    }

    /// Half the threads use a second instance, as a second process would.
    @Test func fiftyThreadsWithOneKeyRunTheBodyExactlyOnce() throws {
        try withLedger { (first, _) throws in
            let ledgers = [first, try Ledger(fileURL: URL(fileURLWithPath: first.path))]
            let ledger = first
            try Sample.create(ledger, "INV-1")
            let tally = Tally()
            let responses = Mutex<[ChargeResponse]>([])
            onThreads(50) { thread in
                do {
                    let response = try ledgers[thread % 2].idempotent(key: "double-click", fingerprint: "INV-1|12500|card", at: Sample.now) { tx in
                        tally.increment()
                        let number = try tx.nextNumber(.receipt)
                        _ = try tx.append(.paid(try Sample.payment("INV-1", receipt: number)), to: Sample.ref("INV-1"), at: Sample.now)
                        return ChargeResponse(receipt: number, authorization: "AUTH")
                    }
                    responses.withLock { $0.append(response) }
                } catch {
                    tally.fail("\(error)")
                }
            }
            #expect(tally.failures == [])
            #expect(tally.count == 1)
            #expect(responses.withLock { $0 } == Array(repeating: ChargeResponse(receipt: 1, authorization: "AUTH"), count: 50))
            #expect(try ledger.entries(for: Sample.ref("INV-1")).filter { $0.event.kind == "paid" }.count == 1)
        }
    }

    /// Two Ledger instances are two connection pools, as two processes would have: SQLite's
    /// file locks arbitrate, and the busy timeout absorbs the waiting.
    @Test func twoInstancesOnOneFileWriteConcurrentlyWithoutBusyErrors() throws {
        try withTemporaryFolder { (workspace) throws in
            let ledgers = [try Ledger(workspace: workspace), try Ledger(workspace: workspace)]
            try Sample.create(ledgers[0], "SHARED")
            let tally = Tally()
            onThreads(8) { thread in
                let ledger = ledgers[thread % 2]
                for index in 0..<25 {
                    do {
                        try ledger.transaction { tx in
                            let number = try tx.nextNumber(.refund)
                            _ = try tx.append(.messageSent(kind: "t\(thread)", messageID: Int64(number)),
                                              to: Sample.ref("SHARED"), at: Sample.now)
                            if index % 5 == 0 { _ = try tx.entries(for: Sample.ref("SHARED")) }
                        }
                    } catch {
                        tally.fail("\(error)")
                    }
                }
            }
            #expect(tally.failures == [])
            let entries = try ledgers[1].entries(for: Sample.ref("SHARED"))
            #expect(entries.count == 1 + 8 * 25)
            // Every number was handed out exactly once, across both instances.
            let numbers = entries.compactMap { entry -> Int64? in
                if case .messageSent(_, let id) = entry.event { return id }
                return nil
            }
            #expect(numbers.sorted() == Array(1...200))
        }
    }

    @Test func aPaymentRacingAVoidExactlyOneWins() throws {
        try withTemporaryFolder { (workspace) throws in
            let ledgers = [try Ledger(workspace: workspace), try Ledger(workspace: workspace)]
            let rules = RequestRules(settings: Sample.settings, now: Sample.now)
            for round in 0..<10 { try Sample.create(ledgers[0], "RACE-\(round)") }
            let wins = Tally()
            let unexpected = Tally()
            onThreads(20) { thread in
                let reference = Sample.ref("RACE-\(thread / 2)")
                do {
                    try ledgers[thread % 2].transaction { tx in
                        let state = RequestState(currentAmount: Sample.cad(12_500), entries: try tx.entries(for: reference))
                        if thread % 2 == 0 {
                            try rules.checkPay(state, amount: Sample.cad(12_500), method: PaymentMethod(kind: .card))
                            _ = try tx.append(.paid(try Sample.payment(reference.value)), to: reference, at: Sample.now)
                        } else {
                            try rules.checkVoid(state)
                            _ = try tx.append(.voided(reason: "race"), to: reference, at: Sample.now)
                        }
                    }
                    wins.increment()
                } catch is BillingError {
                    // The loser sees the winner's event and is refused by the rules.
                } catch {
                    unexpected.fail("\(error)")
                }
            }
            #expect(unexpected.failures == [])
            #expect(wins.count == 10)
            for round in 0..<10 {
                let kinds = try ledgers[0].entries(for: Sample.ref("RACE-\(round)")).map(\.event.kind)
                #expect(kinds.count == 2 && (kinds.last == "paid" || kinds.last == "voided"))
            }
        }
    }
}
