import Billing
import Deposits
import Foundation
import Operations
import PropertyBased
import Store
import Testing

/// The same random histories, played through the real operations and ledger: they store
/// exactly the settlements Billing's rules predict, and the deposits read back from the ledger
/// are the ones worked out from the prediction, to the cent. Fewer cases: each one is a ledger.
struct OperationsAgreePropertyTests {
    @Test("the operations store what the rules predict, and the ledger's deposits match")
    func operationsAgreeWithTheModel() async {
        await propertyCheck(count: 6, input: RandomHistory.generator(steps: 1...15)) { history in
            let model = HistoryModel(history)
            let ws = try DepositWorkspace(at: HistoryModel.start)
            try ws.setPolicy(model.initialPolicy)
            for action in model.log {
                switch action {
                case let .create(reference, amount, at):
                    try ws.request(reference.value, amount.decimalString, at: at)
                case let .pay(reference, kind, at):
                    try ws.pay(reference.value, kind, at: at)
                case let .payRefused(reference, kind, at):
                    #expect(throws: OperationError.self) { try ws.pay(reference.value, kind, at: at) }
                case let .void(reference, at):
                    ws.clock.set(at)
                    _ = try ws.service.void(reference.value, reason: nil)
                case let .refund(reference, amount, at):
                    try ws.refund(reference.value, amount.decimalString, at: at)
                case let .settings(policy):
                    try ws.setPolicy(policy)
                }
            }
            let stored = try ws.service.ledger.settlements(business: "main")
            #expect(stored.map(Comparable.init).sorted() == model.settlements.map(Comparable.init).sorted())
            ws.clock.set(model.now)
            let today = CalendarDate(model.now, in: HistoryModel.timeZone)
            let predicted = try DepositCalculator(businessKey: "main", currency: .cad, today: today).days(model.settlements)
            #expect(try ws.book.days(business: "main").map(Totals.init) == predicted.map(Totals.init))
        }
    }

    /// A settlement without what differs between the model and the ledger (event and document numbers).
    struct Comparable: Hashable, Swift.Comparable {
        var reference: String, kind: String, day: CalendarDate, amount: Int64, fee: Int64, percentFee: Int64, at: Date

        init(_ s: Settlement) {
            reference = s.reference.value
            kind = s.kind.rawValue
            day = s.day
            amount = s.amount.minorUnits
            fee = s.fee.minorUnits
            percentFee = s.percentFee.minorUnits
            at = s.at
        }

        static func < (a: Self, b: Self) -> Bool { (a.at, a.reference, a.kind) < (b.at, b.reference, b.kind) }
    }

    struct Totals: Equatable {
        var day: CalendarDate, status: DepositDay.Status, number: Int?
        var amounts: [Money]

        init(_ d: DepositDay) {
            day = d.day
            status = d.status
            number = d.number
            amounts = [d.gross, d.refunds, d.fees, d.feesReturned, d.shortfallTaken, d.deposit, d.shortfallCarried]
        }
    }
}

extension DepositWorkspace {
    /// Writes `policy` as the garage's `deposits` object and reopens the service.
    func setPolicy(_ policy: DepositPolicy) throws {
        try setDeposits { deposits in
            var fees: [String: Any] = [:]
            for (method, fee) in policy.fees {
                fees[method.rawValue] = ["percent": fee.percent.description, "fixed": fee.fixed.decimalString]
            }
            deposits["fees"] = fees
            deposits["settlementDelay"] = policy.settlementDelay
            deposits["holidays"] = policy.holidays.sorted().map(\.iso)
            deposits["refundsReturnPercentFee"] = policy.refundsReturnPercentFee
        }
    }
}
