import Foundation
import Testing
@testable import Billing

/// Every state × action, as a table.
struct RequestRulesTests {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)
    static let cad = Currency.cad
    static func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: cad) }

    static let settings = BusinessSettings(
        companyName: "Garage", phone: try! PhoneNumber("5145550142"),
        address: .init(street: "1 rue", city: "Montréal", province: "QC", postalCode: "H2X 1Y4"), taxes: [],
        affirm: .init(enabled: true, minimum: money(5_000), maximum: money(3_000_000)))

    static func entry(_ event: RequestEvent, days: Double = 0) -> LedgerEntry {
        LedgerEntry(sequence: 0, reference: try! Reference("R-1"), at: t0.addingTimeInterval(days * 86_400), event: event)
    }

    static func payment(_ amount: Int64, _ kind: PaymentMethod.Kind = .card) -> RequestEvent {
        let invoice = Invoice(reference: try! Reference("R-1"), customer: Customer(name: "A", phone: try! PhoneNumber("5145550100")),
                              content: .quick(money(amount)))
        let totals = try! invoice.totals(taxes: [], currency: cad)
        return .paid(Payment(amount: money(amount), method: PaymentMethod(kind: kind, cardBrand: "Visa", last4: "4242"),
                             authorizationCode: "A1B2C3", receiptNumber: 1, snapshot: InvoiceSnapshot(invoice: invoice, totals: totals)))
    }

    enum Setup: String, CaseIterable, Sendable {
        case open, paid, partiallyRefunded, refunded, voided
        var entries: [LedgerEntry] {
            switch self {
            case .open: []
            case .paid: [entry(payment(10_000))]
            case .partiallyRefunded: [entry(payment(10_000)), entry(.refunded(Refund(amount: money(2_500), reason: nil, number: 1)))]
            case .refunded: [entry(payment(10_000)), entry(.refunded(Refund(amount: money(10_000), reason: nil, number: 1)))]
            case .voided: [entry(.voided(reason: nil))]
            }
        }
        var state: RequestState { RequestState(currentAmount: money(10_000), entries: entries) }
    }

    enum Action: String, CaseIterable, Sendable { case pay, refundPart, refundAll, void, remind, confirm }

    static let allowed: [Setup: Set<Action>] = [
        .open: [.pay, .void, .remind],
        .paid: [.refundPart, .refundAll, .confirm],
        .partiallyRefunded: [.refundPart, .refundAll, .confirm],
        .refunded: [.confirm],
        .voided: [],
    ]

    @Test(arguments: Setup.allCases, Action.allCases)
    func stateTimesAction(setup: Setup, action: Action) {
        let rules = RequestRules(settings: Self.settings, now: Self.t0.addingTimeInterval(86_400))
        let state = setup.state
        let refundAll = state.refundable.isZero ? Self.money(10_000) : state.refundable
        let result = Result { () throws(BillingError) in
            switch action {
            case .pay: try rules.checkPay(state, amount: Self.money(10_000), method: .init(kind: .card))
            case .refundPart: try rules.checkRefund(state, amount: Self.money(1_000))
            case .refundAll: try rules.checkRefund(state, amount: refundAll)
            case .void: try rules.checkVoid(state)
            case .remind: try rules.checkRemind(state)
            case .confirm: try rules.checkConfirm(state)
            }
        }
        let expected = Self.allowed[setup]!.contains(action)
        #expect(((try? result.get()) != nil) == expected, "\(setup) × \(action)")
    }

    @Test(arguments: Setup.allCases)
    func statusDerivedFromEvents(setup: Setup) {
        let expected: RequestStatus = switch setup {
        case .open: .open
        case .paid: .paid
        case .partiallyRefunded: .partiallyRefunded
        case .refunded: .refunded
        case .voided: .voided
        }
        #expect(setup.state.status == expected)
    }

    @Test func refundTwiceThenToZeroThenRefused() throws {
        let rules = RequestRules(settings: Self.settings, now: Self.t0)
        var entries = [Self.entry(Self.payment(10_000))]
        for (n, amount) in [3_000, 2_000, 5_000].enumerated() {
            let state = RequestState(currentAmount: Self.money(10_000), entries: entries)
            try rules.checkRefund(state, amount: Self.money(Int64(amount)))
            entries.append(Self.entry(.refunded(Refund(amount: Self.money(Int64(amount)), reason: nil, number: n + 1))))
        }
        let state = RequestState(currentAmount: Self.money(10_000), entries: entries)
        #expect(state.status == .refunded && state.refundable.isZero)
        #expect(throws: BillingError.notAllowed(.refund(Self.money(1)), .nothingRefundable(alreadyRefunded: Self.money(10_000)))) {
            try rules.checkRefund(state, amount: Self.money(1))
        }
    }

    @Test func refundAboveRefundableNamesTheRefundable() {
        let rules = RequestRules(settings: Self.settings, now: Self.t0)
        #expect(throws: BillingError.notAllowed(.refund(Self.money(8_000)), .overRefundable(refundable: Self.money(7_500)))) {
            try rules.checkRefund(Setup.partiallyRefunded.state, amount: Self.money(8_000))
        }
    }

    @Test func payMustBeExactlyTheAmountDue() {
        let rules = RequestRules(settings: Self.settings, now: Self.t0)
        #expect(throws: BillingError.self) { try rules.checkPay(Setup.open.state, amount: Self.money(9_999), method: .init(kind: .card)) }
    }

    @Test(arguments: [(4_999, false), (5_000, true), (3_000_000, true), (3_000_001, false)])
    func affirmRange(amount: Int64, allowed: Bool) {
        let rules = RequestRules(settings: Self.settings, now: Self.t0)
        let state = RequestState(currentAmount: Self.money(amount), entries: [])
        #expect(((try? rules.checkPay(state, amount: Self.money(amount), method: .init(kind: .affirm))) != nil) == allowed)
    }

    @Test(arguments: [(119.0, true), (120.0, true), (121.0, false)])
    func affirmRefundWindow(days: Double, allowed: Bool) {
        let rules = RequestRules(settings: Self.settings, now: Self.t0.addingTimeInterval(days * 86_400))
        let state = RequestState(currentAmount: Self.money(10_000), entries: [Self.entry(Self.payment(10_000, .affirm))])
        #expect(((try? rules.checkRefund(state, amount: Self.money(100))) != nil) == allowed)
    }

    @Test func remindersOneADayThreeInAll() {
        var entries: [LedgerEntry] = []
        for day in 0..<3 {
            let rules = RequestRules(settings: Self.settings, now: Self.t0.addingTimeInterval(Double(day) * 86_400 + 60))
            let state = RequestState(currentAmount: Self.money(10_000), entries: entries)
            #expect((try? rules.checkRemind(state)) != nil)
            entries.append(Self.entry(.reminded, days: Double(day)))
            #expect((try? rules.checkRemind(RequestState(currentAmount: Self.money(10_000), entries: entries))) == nil, "same day")
        }
        let later = RequestRules(settings: Self.settings, now: Self.t0.addingTimeInterval(10 * 86_400))
        #expect(throws: BillingError.notAllowed(.remind, .reminderLimit(total: 3))) {
            try later.checkRemind(RequestState(currentAmount: Self.money(10_000), entries: entries))
        }
    }

    @Test func quebecNeverIssuesEnglishOnlyReceipts() {
        #expect(Self.settings.receiptLanguages(for: .en) == [.fr, .en])
        #expect(Self.settings.receiptLanguages(for: .fr) == [.fr])
    }
}
