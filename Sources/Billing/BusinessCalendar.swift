/// Business days: Monday to Friday, except holidays.
package struct BusinessCalendar: Sendable, Hashable {
    package var holidays: Set<CalendarDate>

    package init(holidays: Set<CalendarDate> = []) { self.holidays = holidays }

    package func isBusinessDay(_ date: CalendarDate) -> Bool {
        !date.isWeekend && !holidays.contains(date)
    }

    /// `date` itself when it is a business day, else the next one.
    package func businessDay(onOrAfter date: CalendarDate) -> CalendarDate {
        var day = date
        // Bounded: a finite set of holidays cannot cover every weekday.
        while !isBusinessDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// `count` business days after `date` (weekends and holidays skipped); with 0, `date` itself
    /// or the next business day.
    package func adding(businessDays count: Int, to date: CalendarDate) -> CalendarDate {
        var day = date
        for _ in 0..<max(0, count) {
            day = businessDay(onOrAfter: day.adding(days: 1))
        }
        return businessDay(onOrAfter: day)
    }
}
