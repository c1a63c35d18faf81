/// The text encodings an export may come in, and how the importer chose one.
package enum ImportEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1252 = "windows-1252"

    /// Names a mapping file may use for `encoding` ("UTF-8", "cp1252", "latin1"…).
    package init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf-16-le", "utf16le", "unicode": self = .utf16LE
        case "utf-16be", "utf-16-be", "utf16be": self = .utf16BE
        case "windows-1252", "cp1252", "cp-1252", "latin1", "latin-1", "iso-8859-1", "ansi": self = .windows1252
        default: return nil
        }
    }

    package var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LE: "UTF-16 LE"
        case .utf16BE: "UTF-16 BE"
        case .windows1252: "Windows-1252"
        }
    }
}

/// Why that encoding was used: the report says it.
package enum EncodingReason: String, Sendable, Hashable, Codable {
    /// The file starts with a byte-order mark.
    case byteOrderMark = "byte-order mark"
    /// No byte-order mark, and the bytes are valid UTF-8.
    case validUTF8 = "valid UTF-8"
    /// No byte-order mark, and the bytes are not valid UTF-8.
    case notUTF8 = "not valid UTF-8"
    /// The mapping file names the encoding.
    case declared = "named by the mapping"
}
