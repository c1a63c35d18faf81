import Foundation

/// Adds the live-reload script tag to an HTML page in memory (never on disk), just
/// before the last `</body>`; pages without one get it at the end.
enum LiveReloadInjection {
    static let tag = "<script src=\"/__reload.js\" defer></script>"

    static func inject(into html: Data) -> Data {
        let tagBytes = Data(tag.utf8)
        let needle = Array("</body>".utf8)
        let bytes = [UInt8](html)
        guard bytes.count >= needle.count else { return html + tagBytes }
        var index = bytes.count - needle.count
        while index >= 0 {
            if matchesIgnoringCase(bytes, at: index, needle) {
                var result = Data(bytes[..<index])
                result.append(tagBytes)
                result.append(contentsOf: bytes[index...])
                return result
            }
            index -= 1
        }
        return html + tagBytes
    }

    private static func matchesIgnoringCase(_ bytes: [UInt8], at start: Int, _ needle: [UInt8]) -> Bool {
        for offset in 0..<needle.count {
            var byte = bytes[start + offset]
            if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte += 32 }
            if byte != needle[offset] { return false }
        }
        return true
    }
}
