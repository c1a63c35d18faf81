/// Turns an export's bytes into text. A byte-order mark decides (UTF-8, or UTF-16 as Excel's
/// "Unicode text" writes it); else the encoding the mapping names; else valid UTF-8 is UTF-8;
/// else Windows-1252. Bytes that mean nothing become U+FFFD and are listed with their place.
enum ExportTextDecoder {
    static func decode(_ bytes: [UInt8], declared: ImportEncoding?) -> DecodedText {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(Array(bytes.dropFirst(3)), reason: .byteOrderMark)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), bigEndian: false, reason: .byteOrderMark) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), bigEndian: true, reason: .byteOrderMark) }
        var decoded: DecodedText
        switch declared {
        case .utf8?: decoded = utf8(bytes, reason: .declared)
        case .utf16LE?: decoded = utf16(bytes[...], bigEndian: false, reason: .declared)
        case .utf16BE?: decoded = utf16(bytes[...], bigEndian: true, reason: .declared)
        case .windows1252?: decoded = windows1252(bytes, reason: .declared)
        case nil:
            if let text = String(validating: bytes, as: UTF8.self) {
                decoded = DecodedText(text: text, encoding: .utf8, reason: .validUTF8)
            } else {
                decoded = windows1252(bytes, reason: .notUTF8)
            }
        }
        if decoded.encoding != .utf16LE && decoded.encoding != .utf16BE { decoded.hasNULs = bytes.contains(0) }
        return decoded
    }

    private static func utf8(_ bytes: [UInt8], reason: EncodingReason) -> DecodedText {
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: text, encoding: .utf8, reason: reason)
        }
        var scalars = String.UnicodeScalarView()
        var bad: [Int] = []
        var iterator = bytes.makeIterator()
        var codec = UTF8()
        decoding: while true {
            switch codec.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break decoding
            case .error:
                bad.append(scalars.count)
                scalars.append(DecodedText.replacement)
            }
        }
        return DecodedText(scalars: scalars, encoding: .utf8, reason: reason, badScalars: bad, badBytes: [])
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool, reason: EncodingReason) -> DecodedText {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        var scalars = String.UnicodeScalarView()
        var bad: [Int] = []
        var iterator = units.makeIterator()
        var codec = UTF16()
        decoding: while true {
            switch codec.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break decoding
            case .error:
                bad.append(scalars.count)
                scalars.append(DecodedText.replacement)
            }
        }
        // An odd byte count: the last byte is half a character.
        if bytes.count % 2 == 1 {
            bad.append(scalars.count)
            scalars.append(DecodedText.replacement)
        }
        return DecodedText(scalars: scalars, encoding: bigEndian ? .utf16BE : .utf16LE, reason: reason, badScalars: bad, badBytes: [])
    }

    private static func windows1252(_ bytes: [UInt8], reason: EncodingReason) -> DecodedText {
        var scalars = String.UnicodeScalarView()
        var bad: [Int] = []
        var badBytes: [UInt8] = []
        for byte in bytes {
            if let scalar = Windows1252.scalar(byte) {
                scalars.append(scalar)
            } else {
                bad.append(scalars.count)
                badBytes.append(byte)
                scalars.append(DecodedText.replacement)
            }
        }
        return DecodedText(scalars: scalars, encoding: .windows1252, reason: reason, badScalars: bad, badBytes: badBytes)
    }
}
