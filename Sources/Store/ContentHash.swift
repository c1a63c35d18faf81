import Foundation

/// A fast, stable 64-bit hash of bytes (FNV-1a) to notice changed inputs; not for security.
package enum ContentHash {
    package static func fnv1a(_ data: Data, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    package static func fnv1a(_ text: String, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// A number's eight bytes (little-endian): no text formatting per value.
    package static func fnv1a(_ value: Int64, seed: UInt64) -> UInt64 {
        var hash = seed
        var bits = UInt64(bitPattern: value)
        for _ in 0..<8 {
            hash ^= bits & 0xFF
            hash = hash &* 0x100_0000_01b3
            bits >>= 8
        }
        return hash
    }
}
