import Billing
import Deposits
import Foundation
import PropertyBased
import Testing

/// The invariants of deposits over random histories of payments (every method), partial and
/// full refunds, voids, and changes of fee schedules, holidays and delay.
struct DepositPropertyTests {
    /// Bounded so that the whole check stays well under a second or two in a debug build.
    static let cases = 150

    @Test("deposits − shortfall carried out + shortfall carried in = payments − refunds − fees + fees returned, over any run of days")
    func depositsAddUpOverAnyRunOfDays() async {
        await propertyCheck(count: Self.cases, input: RandomHistory.generator(steps: 1...40)) { history in
            let model = HistoryModel(history)
            let today = CalendarDate(model.now, in: HistoryModel.timeZone)
            let days = try DepositCalculator(businessKey: "main", currency: .cad, today: today).days(model.settlements)
            let cents = days.map { (deposit: $0.deposit.minorUnits, into: $0.shortfallTaken.minorUnits,
                                    out: $0.shortfallCarried.minorUnits, activity: $0.activity.minorUnits) }
            for first in cents.indices {
                var deposits: Int64 = 0
                var activity: Int64 = 0
                for last in first..<cents.count {
                    deposits += cents[last].deposit
                    activity += cents[last].activity
                    #expect(deposits - cents[last].out + cents[first].into == activity,
                            "days \(days[first].day)…\(days[last].day)")
                }
            }
            for (earlier, later) in zip(cents, cents.dropFirst()) { #expect(later.into == earlier.out) }
            // The whole history, straight from what was recorded.
            let recorded = model.settlements.reduce(Int64(0)) { sum, s in
                sum + (s.kind == .payment ? s.amount.minorUnits - s.fee.minorUnits : s.fee.minorUnits - s.amount.minorUnits)
            }
            #expect(cents.reduce(0) { $0 + $1.deposit } - (cents.last?.out ?? 0) == recorded)
        }
    }

    @Test("every settled payment is in exactly one day, and in a deposit unless that day had none; offline ones in none")
    func noPaymentTwiceNoneLeftOut() async {
        await propertyCheck(count: Self.cases, input: RandomHistory.generator(steps: 1...40)) { history in
            let model = HistoryModel(history)
            let today = CalendarDate(model.now, in: HistoryModel.timeZone)
            let days = try DepositCalculator(businessKey: "main", currency: .cad, today: today).days(model.settlements)
            var seen: [Int64: CalendarDate] = [:]
            for day in days {
                for line in day.lines where line.kind == .payment || line.kind == .refund {
                    let sequence = try #require(line.sequence)
                    #expect(seen.updateValue(day.day, forKey: sequence) == nil, "event \(sequence) in two days")
                }
                #expect(day.lines.reduce(0) { $0 + $1.amount.minorUnits } == day.deposit.minorUnits - day.shortfallCarried.minorUnits)
                #expect(day.deposit.minorUnits >= 0 && day.shortfallCarried.minorUnits >= 0)
                #expect((day.number != nil) == (day.status == .deposited))
                #expect(day.status == .expected ? day.day >= today : day.day < today)
            }
            for settlement in model.settlements { #expect(seen[settlement.sequence] == settlement.day, "\(settlement.reference)") }
            for offline in model.offlinePayments { #expect(seen[offline] == nil) }
            #expect(model.paidAfterVoid == 0)
            #expect(Set(days.map(\.day)).count == days.count, "(business, day) is unique")
            let numbers = days.compactMap(\.number)
            #expect(numbers == Array(1..<(numbers.count + 1)), "numbered 1, 2, 3… in day order")
            // Payments settle on a business day, refunds count on one, never before their local date.
            for s in model.settlements {
                #expect(!s.day.isWeekend)
                #expect(s.day >= CalendarDate(s.at, in: HistoryModel.timeZone))
            }
        }
    }

    @Test("adding later events changes no deposit whose day has passed")
    func pastDepositsNeverChange() async {
        await propertyCheck(count: Self.cases, input: RandomHistory.generator(steps: 2...40)) { history in
            let model = HistoryModel(history)
            let moment = model.moments[history.cut % model.moments.count]
            let then = CalendarDate(moment.at, in: HistoryModel.timeZone)
            let now = CalendarDate(model.now, in: HistoryModel.timeZone)
            let before = try DepositCalculator(businessKey: "main", currency: .cad, today: then)
                .days(Array(model.settlements.prefix(moment.count)))
            let after = try DepositCalculator(businessKey: "main", currency: .cad, today: now).days(model.settlements)
            let later = Dictionary(uniqueKeysWithValues: after.map { ($0.day, $0) })
            for day in before where day.day < then {
                #expect(later[day.day] == day, "\(day.day) changed")
            }
        }
    }
}
