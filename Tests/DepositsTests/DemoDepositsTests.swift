import Billing
import Checkout
import Deposits
import Foundation
import Operations
import Store
import Testing

/// `paypage demo` replays days relative to today, so its weekdays move with the date it runs
/// on: replayed as if today were each day of one week, it always leaves weeks of deposits, a
/// day whose refunds exceed its payments, a deposit that takes the shortfall back, and a holiday.
struct DemoDepositsTests {
    typealias W = DepositWorkspace

    @Test(arguments: 0..<7)
    func theDemoShowsEveryKindOfDepositDay(offset: Int) throws {
        let now = W.at("2026-12-07", 11).addingTimeInterval(TimeInterval(offset) * 86_400)
        let ws = try W(at: now)
        let history = try DemoReplay.load(ws.paths)
        _ = try DemoReplay(requests: ws.service, history: history, now: now).run()
        let today = CalendarDate(now, in: W.toronto)
        let book = ws.book
        var days: [DepositDay] = []
        for key in book.businesses.keys { days += try book.days(business: key) }
        let final = days.filter { $0.status != .expected }
        let weekday = DepositsOutputNames.weekday(today)

        #expect(final.contains { $0.status == .noDeposit && $0.refunds > $0.gross && $0.shortfallCarried.isPositive },
                "no day with refunds above payments when today is a \(weekday)")
        #expect(final.contains { $0.status == .deposited && $0.shortfallTaken.isPositive },
                "no deposit takes a shortfall back when today is a \(weekday)")
        let first = try #require(final.map(\.day).min()), last = try #require(final.map(\.day).max())
        #expect(first.days(until: last) >= 14, "deposits span \(first)…\(last) when today is a \(weekday)")
        #expect(Set(final.map(\.businessKey)).count == 4)

        // The holiday: no deposit on it, and some payment settles later because of it.
        let holidays = history.holidayDates(today: today)
        #expect(!holidays.isEmpty && !days.contains { holidays.contains($0.day) })
        var moved = 0
        for key in book.businesses.keys {
            let rules = SettlementRules(settings: book.businesses.all[key]!)
            for s in try ws.service.ledger.settlements(business: key) where s.kind == .payment {
                if rules.settlementDay(paidAt: s.at) != s.day { moved += 1 }
            }
        }
        #expect(moved > 0, "the holiday moved no payment when today is a \(weekday)")
    }
}

enum DepositsOutputNames {
    static func weekday(_ day: CalendarDate) -> String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][day.weekday - 1]
    }
}
