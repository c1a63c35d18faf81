import Foundation

/// Clean-up applied to every outgoing text.
package enum SMSText {
    /// Spaces that number and date formatting put in (`1 234,56 $` in fr_CA, `3:00 PM` in
    /// en_CA); none is in GSM-7, so one of them would turn the whole message into UCS-2
    /// and halve its capacity. On screen they look the same as a plain space.
    static let formattingSpaces: Set<Unicode.Scalar> = [
        "\u{00A0}", // NO-BREAK SPACE
        "\u{202F}", // NARROW NO-BREAK SPACE
        "\u{2007}", // FIGURE SPACE
    ]

    /// Replaces formatting spaces with plain spaces and composes accents (NFC), so an
    /// `é` typed as e + U+0301 counts as the single GSM-7 character it looks like.
    package static func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            scalars.append(formattingSpaces.contains(scalar) ? " " : scalar)
        }
        return String(scalars)
    }
}
