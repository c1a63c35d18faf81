/// A request's public secret: 128 random bits, base64url without padding (22 characters).
/// Never derived from the reference; rotating it makes the old link answer 404.
package struct RequestToken: Sendable, Hashable, Codable, CustomStringConvertible {
    package let value: String

    /// Accepts only the shape the ledger issues, so a URL path can be checked before any lookup.
    package init?(_ value: String) {
        guard value.utf8.count == 22, value.utf8.allSatisfy(RequestToken.isAlphabet) else { return nil }
        self.value = value
    }

    /// A fresh token. `SystemRandomNumberGenerator` is a CSPRNG: `getrandom(2)` on Linux,
    /// `arc4random_buf` on Apple platforms; the generator is passed in only for tests.
    package static func random<G: RandomNumberGenerator>(using generator: inout G) -> RequestToken {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        for _ in 0..<2 {
            withUnsafeBytes(of: generator.next().littleEndian) { bytes.append(contentsOf: $0) }
        }
        // Base64url of 16 bytes is 22 characters plus "==" padding, which we drop.
        return RequestToken(unchecked: base64url(bytes))
    }

    package static func random() -> RequestToken {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    private init(unchecked value: String) { self.value = value }

    package var description: String { value }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    private static func isAlphabet(_ byte: UInt8) -> Bool { alphabet.contains(byte) }

    private static func base64url(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var word: UInt32 = 0
            for (offset, byte) in chunk.enumerated() { word |= UInt32(byte) << (16 - 8 * offset) }
            let symbols = chunk.count + 1
            for position in 0..<symbols { out.append(alphabet[Int((word >> (18 - 6 * position)) & 0x3F)]) }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let token = RequestToken(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a request token"))
        }
        self = token
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}
