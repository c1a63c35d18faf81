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
        guard utf8.contains(where: Self.needsEscaping) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        var text = text
        text.withUTF8 { Self.escape($0, into: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27
    }

    /// Appends `bytes` escaped; shared with ``MustacheRenderer`` so both engines escape alike.
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        guard bytes.contains(where: needsEscaping) else { return output.append(contentsOf: bytes) }
        for byte in bytes {
            switch byte {
            case 0x3C: output += "&lt;".utf8
            case 0x3E: output += "&gt;".utf8
            case 0x26: output += "&amp;".utf8
            case 0x22: output += "&quot;".utf8
            case 0x27: output += "&#39;".utf8
            default: output.append(byte)
            }
        }
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
