import Foundation

/// A request path reduced to safe file-name segments, or nothing.
///
/// The raw path is percent-decoded exactly once, so `%252e%252e` becomes the literal
/// name `%2e%2e` (which never exists) and can never turn into `..`. Anything that could
/// step outside a root, or that only an attacker would send, is refused rather than
/// repaired: refusing is a 404, repairing is a guess.
package struct StaticPath: Sendable, Equatable {
    /// Decoded, validated segments; empty for the root.
    package var segments: [String]
    /// Whether the request named a directory (`/p/abc/` rather than `/p/abc`).
    package var hasTrailingSlash: Bool

    package init(segments: [String], hasTrailingSlash: Bool) {
        self.segments = segments
        self.hasTrailingSlash = hasTrailingSlash
    }

    static let maxPathLength = 2048
    static let maxSegmentLength = 255

    /// Parses the path part of a request target (no query). Returns nil when it must be refused.
    package init?(rawPath: some StringProtocol) {
        let raw = Array(rawPath.utf8)
        guard raw.first == UInt8(ascii: "/"), raw.count <= Self.maxPathLength else { return nil }
        guard let decoded = Self.percentDecodeOnce(raw) else { return nil }
        self.init(decoded: decoded, asciiFastPath: true)
    }

    /// `asciiFastPath: false` forces the general path; tests check both agree on ASCII.
    init?(decoded: [UInt8], asciiFastPath: Bool) {
        if asciiFastPath, decoded.allSatisfy({ $0 < 0x80 }) {
            guard let ascii = Self.asciiSegments(decoded) else { return nil }
            self.init(segments: ascii.segments, hasTrailingSlash: ascii.trailing || ascii.segments.isEmpty)
            return
        }
        // Strict UTF-8 validation refuses overlong forms such as %c0%ae (a disguised dot).
        guard let text = String(validating: decoded, as: UTF8.self) else { return nil }
        guard !text.unicodeScalars.contains(where: Self.isForbidden) else { return nil }

        var parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeFirst()  // before the leading slash
        let trailing = parts.last == ""
        if trailing { parts.removeLast() }
        for part in parts where !Self.isAcceptableSegment(part) { return nil }
        self.init(segments: parts, hasTrailingSlash: trailing || parts.isEmpty)
    }

    /// The same rules for an all-ASCII path, on bytes: Unicode normalization and general
    /// categories (a tenth of a request's time) cannot change or refuse an ASCII character
    /// beyond the controls, DEL and the backslash refused here.
    static func asciiSegments(_ bytes: [UInt8]) -> (segments: [String], trailing: Bool)? {
        guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) else { return nil }
        var parts = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        parts.removeFirst()  // before the leading slash
        let trailing = parts.last?.isEmpty == true
        if trailing { parts.removeLast() }
        var segments: [String] = []
        segments.reserveCapacity(parts.count)
        for part in parts {
            guard !part.isEmpty, part.count <= maxSegmentLength, part.first != UInt8(ascii: "."),
                  !part.contains(UInt8(ascii: ":")) else { return nil }
            segments.append(String(decoding: part, as: UTF8.self))
        }
        return (segments, trailing)
    }

    /// `%XX` → byte; a `%` not followed by two hex digits refuses the whole path.
    static func percentDecodeOnce(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count,
                      let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
                else { return nil }
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Control characters (C0, DEL, C1, NUL included) and backslashes never name a generated file.
    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || scalar == "\\"
            || scalar.properties.generalCategory == .format  // invisible bidi and zero-width marks
    }

    private static func isAcceptableSegment(_ segment: String) -> Bool {
        guard !segment.isEmpty, segment.utf8.count <= maxSegmentLength else { return false }  // "//" refused
        // Dot files (and so "." and "..") are never served; generated output has none.
        guard !segment.hasPrefix(".") else { return false }
        // "C:" or "x:y" look like drive letters or schemes: absolute on some systems.
        guard !segment.contains(":") else { return false }
        // Compatibility forms ("．．", "‥", "﹒") fold to dots on some file systems and tools.
        let folded = segment.precomposedStringWithCompatibilityMapping
        guard !folded.hasPrefix("."), !folded.contains("/"), !folded.contains("\\") else { return false }
        return true
    }

    /// The path to send in a `Location` header: re-encoded, so it can never be read as
    /// `//host` (an open redirect) or break the header.
    package var encodedPath: String {
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/;%"))
        let encoded = segments.map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        let joined = "/" + encoded.joined(separator: "/")
        return hasTrailingSlash && !segments.isEmpty ? joined + "/" : joined
    }
}
