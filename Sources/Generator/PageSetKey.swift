/// Which set of a request's pages a manifest entry is: its own pages under `public/`, or a
/// gallery preview with another theme under `gallery/themes/<theme>/`. Written `ro-1001` or
/// `ro-1001@harbour` in the manifest.
struct PageSetKey: Hashable, Comparable, Sendable {
    /// The request's reference key (lowercased).
    var reference: String
    /// The theme of a gallery preview; nil for the request's own pages.
    var previewTheme: String?

    init(reference: String, previewTheme: String? = nil) {
        self.reference = reference
        self.previewTheme = previewTheme
    }

    init(manifestText text: Substring) {
        if let at = text.firstIndex(of: "@") {
            reference = String(text[..<at])
            previewTheme = String(text[text.index(after: at)...])
        } else {
            reference = String(text)
            previewTheme = nil
        }
    }

    var manifestText: String { previewTheme.map { "\(reference)@\($0)" } ?? reference }

    /// `public/`, or `gallery/themes/<theme>/` for a preview.
    var prefix: String { previewTheme.map { "gallery/themes/\($0)/" } ?? "public/" }

    var isPreview: Bool { previewTheme != nil }

    static func < (a: Self, b: Self) -> Bool { a.manifestText < b.manifestText }
}
