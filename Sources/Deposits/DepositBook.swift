import Billing
import Foundation
import Store

/// The deposits of a workspace's businesses, worked out from the ledger's settlements: what
/// `paypage deposits` prints and the staff console shows. Reads only.
package struct DepositBook: Sendable {
    package let ledger: Ledger
    package let businesses: Businesses
    package let clock: @Sendable () -> Date

    package init(ledger: Ledger, businesses: Businesses, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.ledger = ledger
        self.businesses = businesses
        self.clock = clock
    }

    /// The business's today, in its time zone: days before it are final.
    package func today(business key: String) throws(DepositError) -> CalendarDate {
        CalendarDate(clock(), in: try settings(key).timeZone)
    }

    /// Every day with something settling or refunded, oldest first, deposited or not;
    /// `from` and `to` are inclusive. Numbers and shortfalls always count from the first day.
    package func days(business key: String, from: CalendarDate? = nil, to: CalendarDate? = nil) throws(DepositError) -> [DepositDay] {
        try allDays(key).filter { day in
            (from.map { day.day >= $0 } ?? true) && (to.map { day.day <= $0 } ?? true)
        }
    }

    /// One deposit by its number.
    package func deposit(_ id: DepositID) throws(DepositError) -> DepositDay {
        let deposited = try allDays(id.businessKey).filter { $0.number != nil }
        guard let found = deposited.first(where: { $0.number == id.number }) else {
            throw .noSuchDeposit(id, count: deposited.count)
        }
        return found
    }

    /// One business day, deposited or not.
    package func day(business key: String, on date: CalendarDate) throws(DepositError) -> DepositDay {
        guard let found = try allDays(key).first(where: { $0.day == date }) else { throw .noSuchDay(business: key, day: date) }
        return found
    }

    /// A deposit or a day by the name people type: `KEY-N`, `N` (one business only),
    /// `KEY-YYYY-MM-DD` or `YYYY-MM-DD`.
    package func find(_ name: String) throws(DepositError) -> DepositDay {
        let keys = businesses.keys
        switch try DepositName.parse(name, keys: keys) {
        case let .number(key, number):
            return try deposit(DepositID(businessKey: try soleKey(key, name: name), number: number))
        case let .day(key, date):
            return try day(business: try soleKey(key, name: name), on: date)
        }
    }

    /// Where a request's payment and refunds went.
    package func placement(of reference: Reference) throws(DepositError) -> RequestDeposits {
        let settlements = try store { () throws(StoreError) in try ledger.settlements(for: reference) }
        var result = RequestDeposits(reference: reference, status: .tracked, payment: nil, refunds: [])
        if !settlements.contains(where: { $0.kind == .payment }) {
            result.status = try untrackedStatus(reference)
        }
        guard let key = settlements.first?.businessKey else { return result }
        let (days, _) = try worked(key)
        return Self.place(settlements, into: result, days: days)
    }

    /// Where the money of every request of one business went, keyed by `Reference.key`, in one
    /// pass (for pages that list many requests). Requests with no settlement are absent: unpaid,
    /// paid offline, or paid before fees were stored.
    package func placements(business key: String) throws(DepositError) -> [String: RequestDeposits] {
        let (days, settlements) = try worked(key)
        var result: [String: RequestDeposits] = [:]
        for (referenceKey, mine) in Dictionary(grouping: settlements, by: \.reference.key) {
            let empty = RequestDeposits(reference: mine[0].reference, status: mine.contains { $0.kind == .payment } ? .tracked : .untracked,
                                        payment: nil, refunds: [])
            result[referenceKey] = Self.place(mine.sorted { $0.sequence < $1.sequence }, into: empty, days: days)
        }
        return result
    }

    private static func place(_ settlements: [Settlement], into start: RequestDeposits, days: [DepositDay]) -> RequestDeposits {
        var result = start
        let byDay = Dictionary(uniqueKeysWithValues: days.map { ($0.day, $0) })
        for settlement in settlements {
            let placement: RequestDeposits.Placement
            switch byDay[settlement.day].map({ ($0.status, $0.id) }) {
            case let (.deposited, id?)?: placement = .deposited(id)
            case (.noDeposit, _)?: placement = .noDeposit
            default: placement = .expected
            }
            let item = RequestDeposits.Item(settlement: settlement, placement: placement)
            if settlement.kind == .payment { result.payment = item } else { result.refunds.append(item) }
        }
        return result
    }

    private func untrackedStatus(_ reference: Reference) throws(DepositError) -> RequestDeposits.Status {
        let row = try store { () throws(StoreError) in try ledger.request(reference: reference) }
        guard row != nil else { throw .noSuchRequest(reference) }
        let entries = try store { () throws(StoreError) in try ledger.entries(for: reference) }
        for entry in entries {
            if case .paid(let payment) = entry.event { return payment.method.kind.isOffline ? .offline : .untracked }
        }
        return .notPaid
    }

    private func allDays(_ key: String) throws(DepositError) -> [DepositDay] { try worked(key).days }

    /// A business's days, and the settlements they were worked out from.
    private func worked(_ key: String) throws(DepositError) -> (days: [DepositDay], settlements: [Settlement]) {
        let business = try settings(key)
        let settlements = try store { () throws(StoreError) in try ledger.settlements(business: key) }
        let calculator = DepositCalculator(businessKey: key, currency: business.currency,
                                           today: CalendarDate(clock(), in: business.timeZone))
        return (try calculator.days(settlements), settlements)
    }

    private func settings(_ key: String) throws(DepositError) -> BusinessSettings {
        guard let settings = businesses.all[key] else { throw .unknownBusiness(key, known: businesses.keys) }
        return settings
    }

    private func soleKey(_ key: String?, name: String) throws(DepositError) -> String {
        if let key { return key }
        guard businesses.keys.count == 1 else { throw .businessNeeded(number: name, known: businesses.keys) }
        return businesses.keys[0]
    }

    private func store<T>(_ body: () throws(StoreError) -> T) throws(DepositError) -> T {
        do { return try body() } catch { throw .store(error) }
    }
}
