/// A request token as the manifest keeps it for the whole build: the 22 base64url characters
/// the ledger issues, packed 6 bits each into 18 bytes of the entry itself. As a `String`
/// every token would be a separate 48-byte allocation, made on the thread that parsed the
/// record, pinning that thread's malloc pages for the rest of the build.
/// Anything else (older or hand-made manifests, tests) is kept as text.
enum CompactToken: Sendable, Hashable {
    case packed(UInt64, UInt64, UInt16)
    case text(String)

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    /// Byte → 6-bit value, 0xFF outside the alphabet.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        return table
    }()

    init(_ token: String) {
        var token = token
        self = token.withUTF8(Self.pack) ?? .text(token)
    }

    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> CompactToken? {
        guard bytes.count == 22 else { return nil }
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        for (i, byte) in bytes.enumerated() {
            let value = values[Int(byte)]
            guard value != 0xFF else { return nil }
            switch i {
            case 0..<10: words.0 = words.0 << 6 | UInt64(value)
            case 10..<20: words.1 = words.1 << 6 | UInt64(value)
            default: words.2 = words.2 << 6 | UInt64(value)
            }
        }
        return .packed(words.0, words.1, UInt16(words.2))
    }

    var string: String {
        switch self {
        case .text(let text):
            return text
        case .packed(let first, let second, let last):
            var bytes = [UInt8](repeating: 0, count: 22)
            func unpack(_ word: UInt64, count: Int, into offset: Int) {
                for i in 0..<count { bytes[offset + i] = Self.alphabet[Int(word >> (6 * UInt64(count - 1 - i)) & 0x3F)] }
            }
            unpack(first, count: 10, into: 0)
            unpack(second, count: 10, into: 10)
            unpack(UInt64(last), count: 2, into: 20)
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
