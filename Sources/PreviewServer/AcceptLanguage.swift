/// Picks a page language from an `Accept-Language` header (RFC 9110 §12.5.4).
///
/// Foundation does not negotiate on Linux, hence this small parser. It only needs to
/// choose between the site's languages, so it compares primary subtags.
package enum AcceptLanguage {
    /// Longer headers are cut: browsers send a few dozen bytes, and the work stays linear.
    static let maxLength = 4096
    static let maxEntries = 32

    package static func preferred(
        from header: String?,
        supported: [SiteLanguage] = SiteLanguage.allCases,
        default fallback: SiteLanguage
    ) -> SiteLanguage {
        guard let header else { return fallback }
        var candidates: [(language: SiteLanguage, quality: Int)] = []
        var refused: Set<SiteLanguage> = []
        var wildcard: Int?
        for entry in header.prefix(maxLength).split(separator: ",").prefix(maxEntries) {
            let parts = entry.split(separator: ";")
            guard let tag = parts.first?.trimmingSpaces(), !tag.isEmpty else { continue }
            guard let quality = quality(of: parts.dropFirst()) else { continue }  // unreadable q
            if tag == "*" {
                wildcard = quality
                continue
            }
            guard let language = SiteLanguage(tag: tag), supported.contains(language) else { continue }
            if quality == 0 {
                // "fr;q=0" means "not French"; "fr-CA;q=0" only refuses that region.
                if !tag.contains("-") { refused.insert(language) }
                continue
            }
            candidates.append((language, quality))
        }
        // Highest q wins; ties keep the earlier entry, as the header's order is the user's.
        var best: (language: SiteLanguage, quality: Int)?
        for candidate in candidates where !refused.contains(candidate.language) {
            if best == nil || candidate.quality > best!.quality { best = candidate }
        }
        if let best { return best.language }
        // "*" (or nothing usable) means "anything": prefer the default unless it was refused.
        if wildcard == 0 || !refused.isEmpty {
            if !refused.contains(fallback) { return fallback }
            return supported.first { !refused.contains($0) } ?? fallback
        }
        return fallback
    }

    /// q in thousandths: "q=0.8" → 800. Nil when the parameter is malformed.
    static func quality(of parameters: ArraySlice<Substring>) -> Int? {
        var result = 1000
        for parameter in parameters {
            let pieces = parameter.split(separator: "=", maxSplits: 1)
            guard pieces.count == 2, pieces[0].trimmingSpaces().lowercased() == "q" else { continue }
            guard let value = parseQValue(pieces[1].trimmingSpaces()) else { return nil }
            result = value
        }
        return result
    }

    /// qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
    static func parseQValue(_ text: Substring) -> Int? {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "1") else { return nil }
        var value = Int(first - UInt8(ascii: "0")) * 1000
        guard bytes.count > 1 else { return value }
        guard bytes[1] == UInt8(ascii: "."), bytes.count <= 5 else { return nil }
        var scale = 100
        for digit in bytes.dropFirst(2) {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value += Int(digit - UInt8(ascii: "0")) * scale
            scale /= 10
        }
        return value <= 1000 ? value : nil
    }
}
