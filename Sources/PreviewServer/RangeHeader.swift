/// A parsed `Range` request header, checked against the size of what is served.
///
/// Choices (RFC 9110 §14.2 allows a server to ignore `Range`):
/// - one range only; several ranges are ignored and the whole file is sent (200),
///   which is simpler and safer than multipart/byteranges;
/// - malformed headers, unknown units and `last < first` are ignored (200);
/// - numbers saturate instead of overflowing: an end past the file is clamped (as the
///   RFC says), a start past the file is unsatisfiable (416).
package enum RangeHeader: Equatable, Sendable {
    /// Send the whole representation with 200.
    case whole
    /// Send `start...end` (inclusive) with 206.
    case partial(start: Int64, end: Int64)
    /// Send 416 with `Content-Range: bytes */length`.
    case unsatisfiable

    package static func evaluate(_ header: String?, length: Int64) -> RangeHeader {
        guard let header else { return .whole }
        let trimmed = header.trimmingSpaces()
        guard trimmed.count <= 256, let equals = trimmed.firstIndex(of: "=") else { return .whole }
        guard trimmed[..<equals].trimmingSpaces().lowercased() == "bytes" else { return .whole }
        let spec = trimmed[trimmed.index(after: equals)...].trimmingSpaces()
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .whole }
        let firstText = spec[..<dash].trimmingSpaces()
        let lastText = spec[spec.index(after: dash)...].trimmingSpaces()

        if firstText.isEmpty {
            // Suffix range: the last n bytes.
            guard let suffix = saturatingNumber(lastText) else { return .whole }
            guard suffix > 0, length > 0 else { return .unsatisfiable }
            return .partial(start: length - min(suffix, length), end: length - 1)
        }
        guard let first = saturatingNumber(firstText) else { return .whole }
        var last = length - 1
        if !lastText.isEmpty {
            guard let parsed = saturatingNumber(lastText) else { return .whole }
            guard parsed >= first else { return .whole }  // invalid: ignore
            last = min(parsed, length - 1)
        }
        guard first < length else { return .unsatisfiable }
        return .partial(start: first, end: last)
    }

    /// Digits only; values beyond Int64 become Int64.max rather than overflowing.
    static func saturatingNumber(_ text: Substring) -> Int64? {
        guard !text.isEmpty else { return nil }
        var value: Int64 = 0
        for byte in text.utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            value = (overflow1 || overflow2) ? Int64.max : sum
        }
        return value
    }
}

extension StringProtocol {
    func trimmingSpaces() -> Substring {
        let scalars = self[...]
        let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) ?? scalars.endIndex
        let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }).map { scalars.index(after: $0) } ?? start
        return Substring(scalars[start..<Swift.max(start, end)])
    }
}
