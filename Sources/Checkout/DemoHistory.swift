import Billing
import Foundation

/// `Records/demo-history.json`: what happened to the demo requests, replayed by `paypage demo`.
/// Days are relative to today in the business's time zone, so a fresh clone always looks recent.
package struct DemoHistory: Codable, Sendable {
    package struct Step: Codable, Sendable {
        package var day: Int
        package var time: String
        package var action: String
        package var reference: String?
        package var phone: String?
        package var reply: String?
        package var method: String?
        package var card: String?
        package var months: Int?
        package var amount: String?
        package var full: Bool?
        package var reason: String?
    }

    package var steps: [Step]
    /// Days, relative to today, on which the processor makes no deposit (a weekend one moves to
    /// the Monday after), so that a demo replayed on any date shows a holiday among its weeks.
    package var holidays: [Int]?
}

extension DemoHistory.Step {
    /// The moment of the step: `day` days from `today`, at local `time`, in `timeZone`.
    func date(today: CalendarDate, timeZone: TimeZone) -> Date? {
        let parts = time.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0..<24).contains(parts[0]), (0..<60).contains(parts[1]) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        guard let start = calendar.date(from: DateComponents(year: today.year, month: today.month, day: today.day)),
              let day = calendar.date(byAdding: .day, value: self.day, to: start) else { return nil }
        return calendar.date(bySettingHour: parts[0], minute: parts[1], second: 0, of: day)
    }
}

extension DemoHistory {
    /// The demo's holidays as dates: `today` plus each day, a weekend one moved to the Monday after.
    package func holidayDates(today: CalendarDate) -> Set<CalendarDate> {
        Set((holidays ?? []).map { offset in
            let day = today.adding(days: offset)
            return day.isWeekend ? day.adding(days: 8 - day.weekday) : day
        })
    }
}
