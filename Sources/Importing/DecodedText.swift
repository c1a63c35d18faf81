/// An export's text, the encoding it was read in, and the places where bytes meant nothing.
struct DecodedText: Sendable {
    static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// One undecodable place: line and column (1-based, in characters), and the byte when
    /// there was a single one (Windows-1252).
    struct BadPlace: Sendable, Hashable {
        var line: Int
        var column: Int
        var byte: UInt8?
    }

    var text: String
    var encoding: ImportEncoding
    var reason: EncodingReason
    var bad: [BadPlace] = []
    /// NUL bytes in a file without a byte-order mark: most likely UTF-16 without its mark.
    var hasNULs = false

    init(text: String, encoding: ImportEncoding, reason: EncodingReason) {
        self.text = text
        self.encoding = encoding
        self.reason = reason
    }

    /// `badScalars`: offsets of replacement characters in `scalars`; `badBytes` the bytes in order, if known.
    init(scalars: String.UnicodeScalarView, encoding: ImportEncoding, reason: EncodingReason, badScalars: [Int], badBytes: [UInt8]) {
        self.init(text: String(scalars), encoding: encoding, reason: reason)
        guard !badScalars.isEmpty else { return }
        var places: [BadPlace] = []
        var line = 1, column = 1, next = 0
        var previousWasCR = false
        for (offset, scalar) in scalars.enumerated() {
            if next < badScalars.count, badScalars[next] == offset {
                places.append(BadPlace(line: line, column: column, byte: next < badBytes.count ? badBytes[next] : nil))
                next += 1
            }
            // Line breaks as the delimited reader counts them: LF, CR LF, lone CR.
            if scalar == "\n" {
                if !previousWasCR { line += 1 }
                column = 1
            } else if scalar == "\r" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            previousWasCR = scalar == "\r"
        }
        bad = places
    }
}
