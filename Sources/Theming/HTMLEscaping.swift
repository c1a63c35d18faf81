import Mustache

/// The HTML escaping of every `{{value}}`, byte by byte: swift-mustache's own walks the text
/// Character by Character through a dictionary, and was a sixth of a whole build. Same five
/// characters, same entities; a `<` followed by a combining mark (one Character, which the
/// library would let through) is escaped too. Text without any of them is returned as is.
struct HTMLEscaping: MustacheContentType {
    static let name = "PAYPAGE_HTML"
    /// Put on its own first line of every template: a standalone tag, so it renders nothing.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    func escapeText(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x3C: bytes += "&lt;".utf8
            case 0x3E: bytes += "&gt;".utf8
            case 0x26: bytes += "&amp;".utf8
            case 0x22: bytes += "&quot;".utf8
            case 0x27: bytes += "&#39;".utf8
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Registered with swift-mustache (its registry is by name; registering again replaces it
    /// with the same value).
    static func register() { MustacheContentTypes.register(HTMLEscaping(), named: name) }
}

/// Text renders as itself. Without this, swift-mustache tries four other casts on every
/// `{{value}}` before falling back to `String(describing:)` (casts were a sixth of a build);
/// with it, the second cast succeeds. Same output.
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}
