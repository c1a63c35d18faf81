import Billing
import Foundation

/// Plays a random history with Billing's own rules, as the operations do: requests are paid
/// (every method), refunded in parts, voided; fee schedules, holidays and the delay change on
/// the way. It keeps every settlement recorded and, for each step, how many there were then.
struct HistoryModel {
    static let timeZone = TimeZone(identifier: "America/Toronto")!
    /// Monday 2 November 2026, 08:00 in Toronto.
    static let start = Date(timeIntervalSince1970: 1_793_624_400)

    /// What the model did, in order, for replaying it through the real operations.
    enum Action {
        case create(Reference, Money, at: Date)
        case pay(Reference, PaymentMethod.Kind, at: Date)
        /// A payment the rules refused (a voided request, Affirm outside its range).
        case payRefused(Reference, PaymentMethod.Kind, at: Date)
        case void(Reference, at: Date)
        case refund(Reference, Money, at: Date)
        case settings(DepositPolicy)
    }

    struct Request {
        var reference: Reference
        var amount: Money
        var entries: [LedgerEntry] = []
        var state: RequestState { RequestState(currentAmount: amount, entries: entries) }
    }

    private(set) var settings: BusinessSettings
    private(set) var now = HistoryModel.start
    private(set) var sequence: Int64 = 0
    private(set) var requests: [Request] = []
    private(set) var settlements: [Settlement] = []
    /// Offline payments: in no deposit, ever.
    private(set) var offlinePayments: [Int64] = []
    /// (moment, settlements recorded by then), after each step.
    private(set) var moments: [(at: Date, count: Int)] = []
    /// Payments to voided requests the rules let through (there must be none).
    private(set) var paidAfterVoid = 0
    private(set) var log: [Action] = []
    let initialPolicy: DepositPolicy

    init(_ history: RandomHistory) {
        settings = BusinessSettings(
            companyName: "Garage", phone: try! PhoneNumber("5145550142"),
            address: .init(street: "1 rue", city: "Montréal", province: "QC", postalCode: "H1H 1H1"), taxes: [],
            timeZone: Self.timeZone,
            affirm: .init(enabled: true, minimum: Money(minorUnits: 5_000, currency: .cad), maximum: Money(minorUnits: 3_000_000, currency: .cad)),
            deposits: DepositPolicy(fees: Self.fees(seed: history.feeSeed), settlementDelay: history.delay,
                                    refundsReturnPercentFee: history.refundsReturnPercentFee))
        initialPolicy = settings.deposits
        moments.append((now, 0))
        for step in history.steps {
            now = now.addingTimeInterval(TimeInterval(step.gapMinutes * 60))
            let before = settings.deposits
            play(step)
            if settings.deposits != before { log.append(.settings(settings.deposits)) }
            moments.append((now, settlements.count))
        }
    }

    /// A fee schedule drawn from a seed: percentages from 0 to 9.99 with up to 2 decimals, fixed 0 to 0.99.
    static func fees(seed: Int) -> [PaymentMethod.Kind: ProcessorFee] {
        var fees: [PaymentMethod.Kind: ProcessorFee] = [:]
        for (index, method) in DepositPolicy.onlineMethods.enumerated() where (seed + index) % 5 != 0 {
            let percent = FixedDecimal(units: Int64((seed * (index + 7)) % 1_000), scale: 2)
            fees[method] = ProcessorFee(percent: percent, fixed: Money(minorUnits: Int64((seed + index * 31) % 100), currency: .cad))
        }
        return fees
    }

    private var rules: RequestRules { RequestRules(settings: settings, now: now) }
    private var settlementRules: SettlementRules { SettlementRules(settings: settings) }
    private var today: CalendarDate { CalendarDate(now, in: Self.timeZone) }

    private mutating func play(_ step: HistoryStep) {
        switch step.action {
        case 0...4: pay(newRequest(cents: step.cents), method: PaymentMethod.Kind.allCases[step.pick % 7])
        case 5, 6: refund(step)
        case 7:
            // A request voided, then someone tries to pay it.
            let index = newRequest(cents: step.cents)
            guard (try? rules.checkVoid(requests[index].state)) != nil else { return }
            append(.voided(reason: nil), to: index)
            log.append(.void(requests[index].reference, at: now))
            pay(index, method: PaymentMethod.Kind.allCases[step.pick % 7])
        case 8: settings.deposits.fees = Self.fees(seed: step.extra)
        case 9: settings.deposits.holidays.insert(today.adding(days: step.pick % 15 - 3))
        case 10: settings.deposits.settlementDelay = step.pick % 5
        default: settings.deposits.refundsReturnPercentFee.toggle()
        }
    }

    private mutating func newRequest(cents: Int) -> Int {
        let reference = try! Reference("R-\(requests.count + 1)")
        requests.append(Request(reference: reference, amount: Money(minorUnits: Int64(cents), currency: .cad)))
        append(.requested(amount: requests[requests.count - 1].amount), to: requests.count - 1)
        log.append(.create(reference, requests[requests.count - 1].amount, at: now))
        return requests.count - 1
    }

    @discardableResult
    private mutating func append(_ event: RequestEvent, to index: Int) -> LedgerEntry {
        sequence += 1
        let entry = LedgerEntry(sequence: sequence, reference: requests[index].reference, at: now, event: event)
        requests[index].entries.append(entry)
        return entry
    }

    private mutating func pay(_ index: Int, method kind: PaymentMethod.Kind) {
        let state = requests[index].state
        let method = PaymentMethod(kind: kind)
        guard (try? rules.checkPay(state, amount: state.amountDue, method: method)) != nil else {
            log.append(.payRefused(requests[index].reference, kind, at: now))
            return
        }
        log.append(.pay(requests[index].reference, kind, at: now))
        if state.voidedAt != nil { paidAfterVoid += 1 }
        let request = requests[index]
        let invoice = Invoice(reference: request.reference, customer: Customer(name: "A", phone: try! PhoneNumber("5145550100")),
                              content: .quick(request.amount))
        let snapshot = InvoiceSnapshot(invoice: invoice, totals: try! invoice.totals(taxes: [], currency: .cad))
        let payment = Payment(amount: state.amountDue, method: method, authorizationCode: "A", receiptNumber: index + 1, snapshot: snapshot)
        let entry = append(.paid(payment), to: index)
        if let settlement = try! settlementRules.settlement(of: payment, entry: entry, businessKey: "main") {
            settlements.append(settlement)
        } else {
            offlinePayments.append(entry.sequence)
        }
    }

    private mutating func refund(_ step: HistoryStep) {
        let paid = requests.indices.filter { requests[$0].state.refundable.isPositive }
        guard !paid.isEmpty else { return }
        let index = paid[step.pick % paid.count]
        let state = requests[index].state
        // Sometimes everything left, else a share of it (at least a cent).
        let left = state.refundable.minorUnits
        let cents = step.extra % 4 == 0 ? left : max(1, left * Int64(step.extra % 100 + 1) / 100)
        let amount = Money(minorUnits: cents, currency: .cad)
        guard (try? rules.checkRefund(state, amount: amount)) != nil, let payment = state.payment else { return }
        log.append(.refund(requests[index].reference, amount, at: now))
        let refund = Refund(amount: amount, reason: nil, number: state.refunds.count + 1)
        let entry = append(.refunded(refund), to: index)
        let paymentSettlement = settlements.first { $0.kind == .payment && $0.reference == requests[index].reference }
        if let settlement = settlementRules.settlement(of: refund, entry: entry, payment: payment, paymentSettlement: paymentSettlement,
                                                       refundedBefore: state.refunded, businessKey: "main") {
            settlements.append(settlement)
        }
    }
}
