import Billing
import Foundation
import Operations
import Store

/// Replays the demo history into the ledger through the same code paths staff and customers
/// use (the checkout for card, wallet and Affirm payments), each step at its scripted time.
package struct DemoReplay: Sendable {
    package let requests: RequestService
    package let history: DemoHistory
    package let now: Date

    package init(requests: RequestService, history: DemoHistory, now: Date) {
        self.requests = requests
        self.history = history
        self.now = now
    }

    package static func load(_ paths: WorkspacePaths) throws(OperationError) -> DemoHistory {
        do {
            return try RecordDecoder().decode(DemoHistory.self, at: paths.demoHistory, file: "Records/demo-history.json")
        } catch { throw .records([error]) }
    }

    /// Runs every step; the first failure stops the replay with the step's index in the message.
    package func run() throws(OperationError) -> Int {
        let timeZone = requests.businesses.main.timeZone
        let today = CalendarDate(now, in: timeZone)
        let replaying = withHolidays(history.holidayDates(today: today))
        for (index, step) in history.steps.enumerated() {
            guard let date = step.date(today: today, timeZone: timeZone) else { throw Self.bad(index, "time", "must be HH:MM") }
            do {
                try apply(step, service: replaying.at(date))
            } catch {
                throw Self.bad(index, "", "(\(step.action) \(step.reference ?? step.phone ?? "")): \(error.description)")
            }
        }
        return history.steps.count
    }

    static let actions = ["request", "pay", "mark-paid", "refund", "void", "remind", "confirm", "rotate-link", "opt-out"]

    /// A step the replay cannot apply, named by its place in the history file.
    static func bad(_ index: Int, _ field: String, _ problem: String) -> OperationError {
        .records([RecordError(file: "Records/demo-history.json", path: "steps[\(index)]" + (field.isEmpty ? "" : ".\(field)"), problem: problem)])
    }

    /// The service with the demo's holidays added to every business. Only the replay needs them:
    /// each payment and refund fixes its deposit day when it is recorded.
    private func withHolidays(_ holidays: Set<CalendarDate>) -> RequestService {
        var businesses = requests.businesses
        for key in businesses.all.keys { businesses.all[key]?.deposits.holidays.formUnion(holidays) }
        return RequestService(paths: requests.paths, ledger: requests.ledger, businesses: businesses,
                              replies: requests.replies, clock: requests.clock, actor: .demo)
    }

    private func apply(_ step: DemoHistory.Step, service: RequestService) throws(OperationError) {
        let reference = step.reference ?? ""
        switch step.action {
        case "request": _ = try service.register(reference, send: true, reply: step.reply)
        case "pay": try pay(step, service: service)
        case "mark-paid":
            guard let kind = step.method.flatMap(PaymentMethod.Kind.init(rawValue:)) else {
                throw .invalidField("method", .notOneOf(["cash", "cheque", "etransfer"]))
            }
            _ = try service.markPaid(reference, method: kind)
        case "refund": _ = try service.refund(reference, amount: step.full == true ? nil : step.amount, reason: step.reason)
        case "void": _ = try service.void(reference, reason: step.reason)
        case "remind": _ = try service.remind(reference)
        case "confirm": _ = try service.confirm(reference, reply: step.reply)
        case "rotate-link": _ = try service.rotateLink(reference)
        case "opt-out": _ = try service.optOut(phone: step.phone ?? "")
        default: throw .invalidField("action", .notOneOf(Self.actions))
        }
    }

    private func pay(_ step: DemoHistory.Step, service: RequestService) throws(OperationError) {
        let source: PaymentSource
        switch step.method {
        case "card":
            let number = step.card ?? "4242424242424242"
            let year = Calendar(identifier: .gregorian).component(.year, from: now) + 3
            let cvc = CardBrand.detect(digits: number) == .amex ? "1234" : "123"
            source = .card(CardDetails(number: number, expiry: CardExpiry(month: 12, year: year), cvc: cvc, name: "Demo"))
        case "apple_pay": source = .wallet(.applePay, .approve)
        case "google_pay": source = .wallet(.googlePay, .approve)
        case "affirm": source = .affirm(AffirmSelection(months: step.months ?? 3), creditCheck: .approve)
        default: throw .invalidField("method", .notOneOf(["card", "apple_pay", "google_pay", "affirm"]))
        }
        // Customers pay; every other step is the demo acting as staff.
        let result = try CheckoutService.simulated(service.acting(as: .customer)).charge(step.reference ?? "", source: source, idempotencyKey: nil)
        guard result.payment != nil else { throw .invalidField("card", .notOneOf(["an approved test card"])) }
    }
}
