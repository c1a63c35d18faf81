import Billing

/// Turns one business's settlements into its days and deposits. Pure: `today` is passed in.
///
/// Deposits are computed, not stored: every time, from the settlements, which are immutable
/// and each fixed to its business day when recorded. That is enough for a deposit never to
/// change once its day has passed: a payment recorded at some moment settles on a day after
/// its local date and a refund counts on its local date or later, so nothing recorded after a
/// day has passed can land on that day or any earlier one; and each day depends only on the
/// settlements of that day and earlier ones (through the shortfall). Computing them this way
/// needs no job to "close" a day, gives the CLI, the console and every process the same
/// answer, and survives a backup restore unchanged.
///
/// Per business day: payments settling − refunds counted − fees + fees returned. That first
/// reduces the shortfall carried in; what remains, when above zero, is the deposit; otherwise
/// there is no deposit and the shortfall (positive) carries to the next day. Deposits are
/// numbered 1, 2, 3… per business once their day has passed.
package struct DepositCalculator: Sendable {
    package var businessKey: String
    package var currency: Currency
    /// The business's today: earlier days are final; it and later days are only expected.
    package var today: CalendarDate

    package init(businessKey: String, currency: Currency, today: CalendarDate) {
        self.businessKey = businessKey
        self.currency = currency
        self.today = today
    }

    /// Every day with a settlement, oldest first. Settlements of other businesses are ignored.
    package func days(_ settlements: [Settlement]) throws(DepositError) -> [DepositDay] {
        let mine = settlements.filter { $0.businessKey == businessKey }
        if let other = mine.first(where: { $0.amount.currency != currency }) {
            throw .mixedCurrencies(business: businessKey, expected: currency.code, found: other.amount.currency.code)
        }
        let byDay = Dictionary(grouping: mine, by: \.day)
        var result: [DepositDay] = []
        var shortfall: Int64 = 0
        var shortfallSince: CalendarDate?
        var number = 0
        for day in byDay.keys.sorted() {
            let items = byDay[day]!.sorted { $0.sequence < $1.sequence }
            var totals = Totals()
            var lines: [DepositLine] = []
            if shortfall > 0 {
                lines.append(DepositLine(kind: .shortfallTaken, amount: money(-shortfall), since: shortfallSince))
            }
            for item in items {
                try totals.add(item, businessKey)
                lines += Self.lines(item)
            }
            let (remaining, overflow) = try totals.activity(businessKey).subtractingReportingOverflow(shortfall)
            guard !overflow else { throw .overflow(business: businessKey) }
            let isFinal = day < today
            if remaining > 0 && isFinal { number += 1 }
            result.append(DepositDay(
                businessKey: businessKey, day: day,
                status: !isFinal ? .expected : remaining > 0 ? .deposited : .noDeposit,
                number: remaining > 0 && isFinal ? number : nil, lines: lines,
                gross: money(totals.gross), refunds: money(totals.refunds), fees: money(totals.fees),
                feesReturned: money(totals.feesReturned), shortfallTaken: money(shortfall),
                deposit: money(max(0, remaining)), shortfallCarried: money(max(0, -remaining))))
            if remaining > 0 {
                shortfallSince = nil
            } else if shortfallSince == nil {
                shortfallSince = day
            }
            shortfall = max(0, -remaining)
        }
        return result
    }

    private func money(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: currency) }

    /// A payment gives its amount and its fee; a refund its amount and any fee returned.
    static func lines(_ s: Settlement) -> [DepositLine] {
        func line(_ kind: DepositLine.Kind, _ amount: Money) -> DepositLine {
            DepositLine(kind: kind, amount: amount, reference: s.reference, number: s.number, method: s.method, sequence: s.sequence)
        }
        let negative = { (m: Money) in Money(minorUnits: -m.minorUnits, currency: m.currency) }
        switch s.kind {
        case .payment:
            return [line(.payment, s.amount)] + (s.fee.isZero ? [] : [line(.fee, negative(s.fee))])
        case .refund:
            return [line(.refund, negative(s.amount))] + (s.fee.isZero ? [] : [line(.feeReturned, s.fee)])
        }
    }

    /// Checked sums of one day.
    private struct Totals {
        var gross: Int64 = 0
        var refunds: Int64 = 0
        var fees: Int64 = 0
        var feesReturned: Int64 = 0

        mutating func add(_ s: Settlement, _ business: String) throws(DepositError) {
            func sum(_ a: Int64, _ b: Int64) throws(DepositError) -> Int64 {
                let (r, overflow) = a.addingReportingOverflow(b)
                guard !overflow else { throw .overflow(business: business) }
                return r
            }
            switch s.kind {
            case .payment:
                gross = try sum(gross, s.amount.minorUnits)
                fees = try sum(fees, s.fee.minorUnits)
            case .refund:
                refunds = try sum(refunds, s.amount.minorUnits)
                feesReturned = try sum(feesReturned, s.fee.minorUnits)
            }
        }

        func activity(_ business: String) throws(DepositError) -> Int64 {
            let (a, o1) = gross.subtractingReportingOverflow(refunds)
            let (b, o2) = a.subtractingReportingOverflow(fees)
            let (c, o3) = b.addingReportingOverflow(feesReturned)
            guard !o1, !o2, !o3 else { throw .overflow(business: business) }
            return c
        }
    }
}
