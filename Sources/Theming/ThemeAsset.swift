import Crypto
import Foundation

/// A static file of a theme (`assets/**`), with the content-addressed name it is published
/// under so that pages can be cached forever and a changed asset gets a new URL.
public struct ThemeAsset: Sendable, Equatable {
    /// Path relative to `assets/`, e.g. `css/app.css`.
    public let path: String
    /// Path to publish under, e.g. `css/app.0123456789.css` (first 10 hex of SHA-256).
    public let fingerprintedPath: String
    public let data: Data
    /// MIME type with charset for text types, for header rules and the preview server.
    public let contentType: String
    /// Theme of the chain the file came from (a child overrides its parent by path).
    public let theme: String

    init(path: String, data: Data, theme: String) {
        self.path = path
        self.data = data
        self.theme = theme
        self.contentType = Self.contentType(forPath: path)
        self.fingerprintedPath = Self.fingerprinted(path, digestHex: SHA256.hash(data: data).hex)
    }

    /// `css/app.min.css` → `css/app.min.<hash>.css`; `LICENSE` → `LICENSE.<hash>`.
    static func fingerprinted(_ path: String, digestHex: String) -> String {
        let hash = digestHex.prefix(10)
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let file = path[slash...]
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return "\(path).\(hash)" }
        return "\(path[..<dot]).\(hash)\(path[dot...])"
    }

    static func contentType(forPath path: String) -> String {
        let ext = path.split(separator: "/").last.flatMap { $0.split(separator: ".").count > 1 ? $0.split(separator: ".").last : nil }
        switch ext?.lowercased() {
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json", "map", "webmanifest": return "application/json"
        case "html", "htm": return "text/html; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "woff": return "font/woff"
        case "woff2": return "font/woff2"
        case "ttf": return "font/ttf"
        case "otf": return "font/otf"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}
