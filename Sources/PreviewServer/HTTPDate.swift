#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `Date` header's value in the form Hummingbird's `Application` writes it (RFC 9110's
/// IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT"), for responses written by the fast path.
///
/// Hummingbird's own date cache is internal to it. One of these lives in each connection's
/// handler: it formats at most once a second, and needs no lock or shared state.
struct HTTPDate {
    private var second: time_t = -1
    private var text = ""

    mutating func now() -> String {
        let current = time(nil)
        if current != second {
            second = current
            text = Self.format(current)
        }
        return text
    }

    static func format(_ seconds: time_t) -> String {
        var time = seconds
        var parts = tm()
        gmtime_r(&time, &parts)
        var text = dayNames[Int(parts.tm_wday)]
        text.reserveCapacity(29)
        text += ", " + twoDigits(parts.tm_mday) + " " + monthNames[Int(parts.tm_mon)] + " " + String(parts.tm_year + 1900)
        text += " " + twoDigits(parts.tm_hour) + ":" + twoDigits(parts.tm_min) + ":" + twoDigits(parts.tm_sec) + " GMT"
        return text
    }

    private static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func twoDigits(_ value: Int32) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}
