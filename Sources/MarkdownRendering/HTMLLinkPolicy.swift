/// Post-processes libcmark's HTML so that a note can neither load third-party resources nor
/// carry a link with an unexpected scheme.
///
/// This is not a general HTML sanitizer: it relies on cmark's safe mode having already turned
/// raw HTML into comments, so every `<` left in the output starts a tag cmark wrote itself, in
/// cmark's fixed shapes (`<img src="…" alt="…"[ title="…"] />`, `<a href="…"[ title="…"]>`),
/// with attribute values escaped (no raw `"` or `>` inside them).
enum HTMLLinkPolicy {
    private static let imagePrefix = "<img src=\""
    private static let linkPrefix = "<a href=\""

    static func apply(to html: String) -> String {
        // Fast path: most notes have neither images nor links.
        guard html.contains("<img ") || html.contains("<a ") else { return html }
        var output = ""
        output.reserveCapacity(html.utf8.count)
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            output += rest[..<open]
            let tail = rest[open...]
            guard let close = tail.firstIndex(of: ">") else { break }
            let tag = tail[...close]
            output += rewrite(tag)
            rest = tail[tail.index(after: close)...]
        }
        output += rest
        return output
    }

    private static func rewrite(_ tag: Substring) -> String {
        if tag.hasPrefix(imagePrefix) {
            let src = attribute(in: tag, after: imagePrefix)
            guard URLKind(src).isSameOriginPath else {
                // Keep the words, lose the request: alt is already escaped by cmark.
                return String(attributeValue(named: "alt", in: tag) ?? "")
            }
        } else if tag.hasPrefix(linkPrefix) {
            let href = attribute(in: tag, after: linkPrefix)
            let kind = URLKind(href)
            let afterHref = tag.dropFirst(linkPrefix.count + href.count + 1)
            if !kind.isAllowedLink {
                // An <a> without href is inert and still shows its text.
                return "<a" + afterHref
            }
            if kind == .web {
                // The page URL holds the secret token: never send it as a Referer to another site.
                return "<a href=\"\(href)\" rel=\"noopener noreferrer\"" + afterHref
            }
        }
        return String(tag)
    }

    /// The value of the first attribute, which starts right after `prefix`.
    private static func attribute(in tag: Substring, after prefix: String) -> Substring {
        let start = tag.index(tag.startIndex, offsetBy: prefix.count)
        let value = tag[start...]
        return value[..<(value.firstIndex(of: "\"") ?? value.endIndex)]
    }

    private static func attributeValue(named name: String, in tag: Substring) -> Substring? {
        guard let range = tag.firstRange(of: " \(name)=\"") else { return nil }
        let value = tag[range.upperBound...]
        return value[..<(value.firstIndex(of: "\"") ?? value.endIndex)]
    }
}

/// What a URL in cmark's output points at, judged as a browser would.
enum URLKind: Equatable {
    case empty
    /// No scheme and no authority: a path, query or fragment on the page's own origin.
    case samePath
    /// http:, https: or protocol-relative (`//host`, which browsers also read from `\\host`).
    case web
    case mailOrPhone
    case otherScheme

    init(_ value: Substring) {
        let url = value.lowercased()
        if url.isEmpty {
            self = .empty
        } else if url.hasPrefix("//") || url.hasPrefix("\\") || url.hasPrefix("/\\") {
            self = .web
        } else if let end = url.firstIndex(where: { ":/?#".contains($0) }), url[end] == ":" {
            switch url[..<end] {
            case "http", "https": self = .web
            case "mailto", "tel": self = .mailOrPhone
            default: self = .otherScheme
            }
        } else {
            self = .samePath
        }
    }

    var isSameOriginPath: Bool { self == .samePath }
    var isAllowedLink: Bool { self == .samePath || self == .web || self == .mailOrPhone }
}
