import Billing
import Foundation
import PageModels
import Synchronization

/// The same formats as `Billing.DateText` ("14 mars 2025", "March 14, 2025"), with the
/// formatters kept: creating a DateFormatter costs ~200 µs on Linux (ICU pattern generation),
/// formatting with one ~1 µs, and a build formats dates several times per page.
/// One instance serves a whole build (every render worker): each formatter is used under its
/// own lock (corelibs' DateFormatter is not documented as thread-safe); formatting takes a few
/// microseconds, so workers hardly ever wait.
final class DateFormats: Sendable {
    private final class Entry: Sendable {
        let formatter: Mutex<DateFormatter>
        init(_ formatter: sending DateFormatter) { self.formatter = Mutex(formatter) }
        func string(_ date: Date) -> String { formatter.withLock { $0.string(from: date) } }
    }

    private let entries = Mutex<[String: Entry]>([:])
    private static let utc = TimeZone(identifier: "UTC")!

    private func entry(_ language: Language, _ timeZone: TimeZone, time: Bool) -> Entry {
        let key = "\(language.rawValue)|\(timeZone.identifier)|\(time)"
        return entries.withLock { entries in
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

    func long(_ date: Date, _ language: Language, timeZone: TimeZone) -> String {
        entry(language, timeZone, time: false).string(date)
    }

    func long(_ day: CalendarDate, _ language: Language) -> String {
        entry(language, Self.utc, time: false).string(day.noonUTC)
    }

    func longWithTime(_ date: Date, _ language: Language, timeZone: TimeZone) -> String {
        entry(language, timeZone, time: true).string(date).replacingAll("\u{202F}", with: " ")
    }
}
