/// The HTML escaping of every `{{value}}`, byte by byte: `& < > " '` become entities; text
/// without any of them is copied as is.
package enum HTMLEscaping {
    /// The same escaping for a text put into HTML outside a template (a short error message).
    package static func escape(_ text: String) -> String {
        var text = text
        var output: [UInt8] = []
        text.withUTF8 { escape($0, into: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27
    }

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
}
