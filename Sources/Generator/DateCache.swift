import Billing
import Foundation

/// Billing's `DateText` with its formatters made once: `DateText` creates a `DateFormatter` per
/// call (ICU pattern generation, tens of microseconds each), and a build formats dates
/// several times per page. Same locale, time zone and styles, so the same text.
/// A formatter is used under its own lock (corelibs' DateFormatter is not documented as
/// thread-safe); formatting takes a few microseconds, so render workers hardly ever wait.
enum Dates {
    private final class Entry: @unchecked Sendable {
        let lock = NSLock()
        let formatter: DateFormatter
        init(_ formatter: DateFormatter) { self.formatter = formatter }
        func string(_ date: Date) -> String { lock.withLock { formatter.string(from: date) } }
    }

    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String: Entry] = [:]

        func entry(_ language: Language, _ timeZone: TimeZone, time: Bool) -> Entry {
            let key = "\(language.rawValue)|\(timeZone.identifier)|\(time)"
            return lock.withLock {
                if let entry = entries[key] { return entry }
                let f = DateFormatter()
                f.locale = Locale(identifier: language.localeIdentifier)
                f.timeZone = timeZone
                f.dateStyle = .long
                f.timeStyle = time ? .short : .none
                let entry = Entry(f)
                entries[key] = entry
                return entry
            }
        }
    }

    private static let cache = Cache()
    private static let utc = TimeZone(identifier: "UTC")!

    static func long(_ date: Date, _ language: Language, timeZone: TimeZone) -> String {
        cache.entry(language, timeZone, time: false).string(date)
    }

    static func long(_ day: CalendarDate, _ language: Language) -> String {
        cache.entry(language, utc, time: false).string(day.noonUTC)
    }

    static func longWithTime(_ date: Date, _ language: Language, timeZone: TimeZone) -> String {
        cache.entry(language, timeZone, time: true).string(date).replacingOccurrences(of: "\u{202F}", with: " ")
    }
}
