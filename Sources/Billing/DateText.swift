import Foundation

/// Dates in Canadian formats with an explicit locale: "14 mars 2025" / "March 14, 2025".
package enum DateText {
    package static func long(_ date: Date, _ language: Language, timeZone: TimeZone) -> String {
        formatter(language, timeZone: timeZone, time: false).string(from: date)
    }

    package static func long(_ day: CalendarDate, _ language: Language) -> String {
        formatter(language, timeZone: TimeZone(identifier: "UTC")!, time: false).string(from: day.noonUTC)
    }

    /// Date and time, e.g. "14 mars 2025 14 h 05" / "March 14, 2025 at 2:05 PM".
    package static func longWithTime(_ date: Date, _ language: Language, timeZone: TimeZone) -> String {
        formatter(language, timeZone: timeZone, time: true).string(from: date)
            .replacingOccurrences(of: "\u{202F}", with: " ")
    }

    private static func formatter(_ language: Language, timeZone: TimeZone, time: Bool) -> DateFormatter {
        // DateFormatter is not Sendable: one per call keeps this free of shared mutable state.
        let f = DateFormatter()
        f.locale = Locale(identifier: language.localeIdentifier)
        f.timeZone = timeZone
        f.dateStyle = .long
        f.timeStyle = time ? .short : .none
        return f
    }
}
