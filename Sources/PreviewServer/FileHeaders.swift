import Hummingbird

/// The headers that follow from a file's name: its type and cache policy.
enum FileHeaders {
    /// Content-Type and Cache-Control, then Accept-Ranges when `ranges` (not for a page
    /// the live-reload script is injected into: it differs from the file).
    static func fields(forFile name: String, ranges: Bool = true) -> HTTPFields {
        let contentType = ContentType.forFile(named: name)
        var fields: HTTPFields = [.contentType: contentType]
        if ContentType.isHTML(contentType) {
            fields[.cacheControl] = "no-store"
        } else if ContentType.isFingerprinted(name) {
            fields[.cacheControl] = "public, max-age=31536000, immutable"
        } else {
            fields[.cacheControl] = "no-cache"
        }
        if ranges { fields[.acceptRanges] = "bytes" }
        return fields
    }

    /// The last component of a real path (absolute, no trailing slash).
    static func fileName(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }
}
