/// Media types by file extension, and the cache policy that follows from a file name.
enum ContentType {
    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "webp": "image/webp",
        "gif": "image/gif",
        "ico": "image/x-icon",
        "json": "application/json",
        "webmanifest": "application/manifest+json",
        "txt": "text/plain; charset=utf-8",
        "xml": "application/xml",
        "pdf": "application/pdf",
        "woff2": "font/woff2",
        "woff": "font/woff",
    ]

    /// Unknown types are sent as opaque bytes; with `nosniff` the browser will not guess.
    static func forFile(named name: String) -> String {
        byExtension[fileExtension(of: name)] ?? "application/octet-stream"
    }

    static func isHTML(_ contentType: String) -> Bool { contentType.hasPrefix("text/html") }

    static func fileExtension(of name: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// `name.0123456789.css`: the generator puts a content hash in the name, so the
    /// file under that name never changes and may be cached for a year.
    static func isFingerprinted(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3, !parts[0].isEmpty else { return false }
        let hash = parts[parts.count - 2]
        return hash.utf8.count == 10 && hash.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        }
    }
}
