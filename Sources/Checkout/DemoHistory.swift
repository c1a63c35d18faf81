import Billing
import Foundation

/// `Records/demo-history.json`: what happened to the demo requests, replayed by `paypage demo`.
/// Days are relative to today in the business's time zone, so a fresh clone always looks recent.
public struct DemoHistory: Codable, Sendable {
    public struct Step: Codable, Sendable {
        public var day: Int
        public var time: String
        public var action: String
        public var reference: String?
        public var phone: String?
        public var reply: String?
        public var method: String?
        public var card: String?
        public var months: Int?
        public var amount: String?
        public var full: Bool?
        public var reason: String?
    }

    public var steps: [Step]
    /// Days, relative to today, on which the processor makes no deposit (a weekend one moves to
    /// the Monday after), so that a demo replayed on any date shows a holiday among its weeks.
    public var holidays: [Int]?
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
    public func holidayDates(today: CalendarDate) -> Set<CalendarDate> {
        Set((holidays ?? []).map { offset in
            let day = today.adding(days: offset)
            return day.isWeekend ? day.adding(days: 8 - day.weekday) : day
        })
    }
}
