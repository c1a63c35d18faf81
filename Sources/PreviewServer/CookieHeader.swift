/// Reads one cookie's value from `Cookie` header fields (bounded: 8 fields, 64 pairs each).
enum CookieHeader {
    static func value(named name: String, in headers: [String]) -> String? {
        for header in headers.prefix(8) {
            for pair in header.split(separator: ";").prefix(64) {
                let pieces = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                if pieces.count == 2, pieces[0].trimmingSpaces() == name { return String(pieces[1].trimmingSpaces()) }
            }
        }
        return nil
    }
}
