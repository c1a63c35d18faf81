import Billing
import Checkout
import Foundation
import Operations
import Store
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Item 1: SIGKILL the real `paypage` binary at random points while it takes payments, refunds
/// and builds; after every kill the ledger is sound, nothing acknowledged is lost or doubled,
/// refunds never exceed payments, Output/ holds only whole files, and a final build repairs all.
@Suite("Crash safety (SIGKILL)", .serialized)
struct CrashSafetyTests {
    /// What the harness was told had happened (the process exited 0 or printed its success line).
    struct Acknowledged {
        var payments: [String: Int] = [:]            // reference → receipt number
        var refunds: [String: [Int: String]] = [:]   // reference → refund number → amount
    }

    enum Operation: CustomStringConvertible {
        case markPaid(String)
        case refund(String, amount: String?)
        case build(force: Bool)

        var arguments: [String] {
            switch self {
            case .markPaid(let reference): ["mark-paid", reference, "--method", "cash"]
            case let .refund(reference, amount):
                ["refund", reference] + (amount.map { ["--amount", $0] } ?? ["--full"]) + ["--reason", "crash test"]
            case .build(let force): ["build"] + (force ? ["--force"] : [])
            }
        }

        var description: String { arguments.joined(separator: " ") }
    }

    @Test("random SIGKILLs during mark-paid, refund and build lose nothing and corrupt nothing")
    func killsDuringPaymentsRefundsAndBuilds() throws {
        try #require(Hardening.binary != nil, "build the paypage binary first (swift build)")
        let targetKills = Hardening.isLong ? 220 : 30
        let seed = Hardening.seed
        print("CrashSafety: seed \(seed) (PAYPAGE_HARDENING_SEED=\(seed) replays), \(targetKills) kills")
        var random = SplitMix64(seed: seed)

        let workspace = try HardeningWorkspace("crash")
        let demo = try workspace.run(["demo"])
        try #require(demo.status == 0, "\(demo)")
        // Fresh open requests for mark-paid to use up (each acknowledged payment consumes one).
        let references = (1...(Hardening.isLong ? 160 : 40)).map { String(format: "CR-%04d", $0) }
        do {
            let service = try RequestService.open(WorkspacePaths(root: workspace.root))
            for (index, reference) in references.enumerated() {
                _ = try service.create(NewRequest(reference: reference, customerName: "Client \(index)", phone: "514-555-0100",
                                                  amount: "\(100 + index).50", send: false))
            }
            try service.ledger.close()
        }
        let first = try workspace.run(["build"])
        try #require(first.status == 0, "\(first)")

        var acknowledged = Acknowledged()
        var kills = 0, completed = 0, iterations = 0
        // Delays are drawn across each operation's usual duration, measured as we go.
        var typical: [String: Double] = ["mark-paid": 0.4, "refund": 0.4, "build": 1.5]
        while kills < targetKills && iterations < targetKills * 4 {
            iterations += 1
            let state = try LedgerState.read(workspace.ledgerURL)
            let operation = Self.pick(&random, state: state, references: references)
            let kind = operation.arguments[0]
            // Mostly inside the run (a kill), sometimes past its end (an acknowledged operation).
            let delay = Double.random(in: 0...(typical[kind]! * (Int.random(in: 0..<10, using: &random) < 7 ? 1.0 : 2.0)), using: &random)
            let started = Date()
            let process = try PayPageProcess(operation.arguments + ["--workspace", workspace.root.path])
            while process.isRunning && Date().timeIntervalSince(started) < delay { usleep(500) }
            // Every fifth payment or refund is left to finish, so some operations are always acknowledged even on a
            // loaded machine where runs take longer than the delays drawn.
            if iterations % 5 == 0, kind != "build" {
                while process.isRunning && Date().timeIntervalSince(started) < 120 { usleep(1_000) }
            }
            if process.isRunning { process.kill(SIGKILL) }
            let result = try process.wait(timeout: 120)
            if !result.signaled {
                completed += 1
                typical[kind] = typical[kind]! * 0.7 + Date().timeIntervalSince(started) * 0.3
            } else {
                kills += 1
            }
            Self.record(operation, result, into: &acknowledged)
            if !result.signaled, result.status != 0 {
                // A refused operation is fine (e.g. refund larger than refundable); a crash or a busy lock is not expected here.
                #expect([1, 64, 65].contains(result.status), "\(operation): \(result)")
            }
            try Self.checkInvariants(workspace, acknowledged, after: "\(operation) (\(result.signaled ? "killed" : "exit \(result.status)"))")
        }
        print("CrashSafety: \(kills) kills, \(completed) completed runs, \(iterations) iterations, "
              + "\(acknowledged.payments.count) acknowledged payments, \(acknowledged.refunds.values.map(\.count).reduce(0, +)) refunds")
        #expect(kills >= targetKills, "only \(kills) of \(targetKills) runs were killed mid-flight")
        // The checks above are not vacuous: some operations were acknowledged before their kill or exit.
        #expect(!acknowledged.payments.isEmpty && acknowledged.payments.count + acknowledged.refunds.count >= 2,
                "too little was acknowledged to check: did the success lines change?")

        // The next build repairs everything a kill left stale; then nothing is left to do.
        let repair = try workspace.run(["build"])
        #expect(repair.status == 0, "\(repair)")
        let again = try workspace.run(["build"])
        #expect(again.status == 0 && again.stdout.contains(" 0 written,") && again.stdout.contains(" 0 removed"),
                "a second build still had work: \(again)")
        // A forced build renders every page again: identical bytes prove nothing was left stale.
        let forced = try workspace.run(["build", "--force"])
        #expect(forced.status == 0 && forced.stdout.contains(" 0 written,"), "a forced build changed files: \(forced)")
        try Self.checkPagesMatchLedger(workspace)
        let audit = try HTMLAudit.run("complete", workspace.output)
        #expect(audit.problems.isEmpty, "\(audit.problems.prefix(10))")
        if let leftovers = audit.leftovers, !leftovers.isEmpty {
            print("CrashSafety: \(leftovers.count) temporary file(s) left by killed writes (dot files, never served): \(leftovers.prefix(3))")
        }
    }

    static func pick(_ random: inout SplitMix64, state: LedgerState, references: [String]) -> Operation {
        let roll = Int.random(in: 0..<100, using: &random)
        let open = references.filter { state.paid[$0.lowercased()] == nil }
        let refundable = state.paid.filter { key, paid in paid > (state.refunded[key] ?? 0) }.keys.sorted()
        if roll < 40, let reference = open.randomElement(using: &random) { return .markPaid(reference) }
        if roll < 75, let key = refundable.randomElement(using: &random) {
            let reference = state.spelling[key] ?? key
            if Int.random(in: 0..<5, using: &random) == 0 { return .refund(reference, amount: nil) }
            return .refund(reference, amount: "\(Int.random(in: 1...30, using: &random)).\(Int.random(in: 10...99, using: &random))")
        }
        return .build(force: Int.random(in: 0..<4, using: &random) == 0)
    }

    /// Success lines: "Recorded 101.50 CAD paid by cash on CR-0002; receipt #7." and
    /// "Refunded 3.25 CAD on CR-0002 (refund #4); status …".
    static func record(_ operation: Operation, _ result: ProcessResult, into acknowledged: inout Acknowledged) {
        switch operation {
        case .markPaid(let reference):
            guard let match = result.stdout.firstMatch(of: /Recorded ([0-9.]+) [A-Z]{3} paid by .* on ([A-Za-z0-9._-]+); receipt #([0-9]+)/),
                  String(match.2) == reference, let number = Int(match.3) else { return }
            acknowledged.payments[reference.lowercased()] = number
        case .refund(let reference, _):
            guard let match = result.stdout.firstMatch(of: /Refunded ([0-9.]+) [A-Z]{3} on ([A-Za-z0-9._-]+) \(refund #([0-9]+)\)/),
                  String(match.2) == reference, let number = Int(match.3) else { return }
            acknowledged.refunds[reference.lowercased(), default: [:]][number] = String(match.1)
        case .build: return
        }
    }

    static func checkInvariants(_ workspace: HardeningWorkspace, _ acknowledged: Acknowledged, after what: String) throws {
        let ledger = try Ledger(fileURL: workspace.ledgerURL)
        defer { try? ledger.close() }
        let problems = try ledger.integrityCheck()
        #expect(problems.isEmpty, "integrity_check after \(what): \(problems)")
        let entries = try ledger.allEntries()
        var payments: [String: [Payment]] = [:]
        var refunds: [String: [Refund]] = [:]
        for entry in entries {
            switch entry.event {
            case .paid(let payment): payments[entry.reference.key, default: []].append(payment)
            case .refunded(let refund): refunds[entry.reference.key, default: []].append(refund)
            default: break
            }
        }
        for (key, receipt) in acknowledged.payments {
            let found = payments[key] ?? []
            #expect(found.count == 1 && found.first?.receiptNumber == receipt,
                    "acknowledged payment of \(key) (receipt #\(receipt)) after \(what): found \(found.map(\.receiptNumber))")
        }
        for (key, numbers) in acknowledged.refunds {
            for (number, amount) in numbers {
                let found = (refunds[key] ?? []).filter { $0.number == number }
                #expect(found.count == 1 && found.first?.amount.decimalString == amount,
                        "acknowledged refund #\(number) of \(key) after \(what): found \(found.count)")
            }
        }
        for (key, list) in payments {
            #expect(list.count == 1, "\(key) paid \(list.count) times after \(what)")
        }
        for (key, list) in refunds {
            let paid = (payments[key] ?? []).reduce(Int64(0)) { $0 + $1.amount.minorUnits }
            let refunded = list.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
            #expect(refunded <= paid, "\(key): refunded \(refunded) > paid \(paid) after \(what)")
        }
        // Receipt numbers are allocated inside the payment's transaction: never two alike per business.
        var receiptKeys = Set<String>()
        for (_, list) in payments {
            for payment in list {
                let key = "\(payment.snapshot.businessKey ?? "main")#\(payment.receiptNumber)"
                #expect(receiptKeys.insert(key).inserted, "receipt number used twice: \(key) after \(what)")
            }
        }
        let audit = try HTMLAudit.run("complete", workspace.output)
        #expect(audit.problems.isEmpty, "Output/ after \(what): \(audit.problems.prefix(5))")
    }

    /// After the repair build, each request's language-neutral page shows the ledger's status,
    /// and every paid request has its receipt.
    static func checkPagesMatchLedger(_ workspace: HardeningWorkspace) throws {
        let service = try RequestService.open(WorkspacePaths(root: workspace.root))
        defer { try? service.ledger.close() }
        for overview in try service.list() {
            guard let token = overview.link.split(separator: "/").last.map(String.init) else { continue }
            let page = workspace.output.appendingPathComponent("public/p/\(token)/index.html")
            let html = (try? String(contentsOf: page, encoding: .utf8)) ?? ""
            #expect(html.contains("status-\(overview.status.rawValue)"), "\(overview.reference): page does not show \(overview.status.rawValue)")
            if overview.status.wasPaid {
                let receipt = workspace.output.appendingPathComponent("public/p/\(token)/receipt/index.html")
                #expect(FileManager.default.fileExists(atPath: receipt.path), "\(overview.reference): receipt missing")
            }
        }
    }
}

/// Paid and refunded totals per request, read from a fresh connection (as another process would).
struct LedgerState {
    var paid: [String: Int64] = [:]
    var refunded: [String: Int64] = [:]
    var spelling: [String: String] = [:]

    static func read(_ url: URL) throws -> LedgerState {
        let ledger = try Ledger(fileURL: url)
        defer { try? ledger.close() }
        var state = LedgerState()
        for entry in try ledger.allEntries() {
            state.spelling[entry.reference.key] = entry.reference.value
            switch entry.event {
            case .paid(let payment): state.paid[entry.reference.key, default: 0] += payment.amount.minorUnits
            case .refunded(let refund): state.refunded[entry.reference.key, default: 0] += refund.amount.minorUnits
            default: break
            }
        }
        return state
    }
}
