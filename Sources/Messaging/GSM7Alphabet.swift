/// The GSM 03.38 default alphabet and its extension table, by Unicode scalar.
enum GSM7Alphabet {
    /// Characters of the basic table: one septet each. ESC (0x1B) is left out on purpose:
    /// it is the escape prefix, not a character a message can contain.
    static let basic: Set<Unicode.Scalar> = {
        let table = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
        return Set(table.unicodeScalars)
    }()

    /// Characters of the extension table: ESC plus one septet, so two each.
    static let extended: Set<Unicode.Scalar> = Set("^{}\\[~]|€\u{0C}".unicodeScalars)

    /// Septets for `scalar`, or nil when it is not in GSM-7 (the text must then be UCS-2).
    static func septets(for scalar: Unicode.Scalar) -> Int? {
        if basic.contains(scalar) { return 1 }
        if extended.contains(scalar) { return 2 }
        return nil
    }
}
