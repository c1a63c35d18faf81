/// How a text message is encoded on the air.
package enum SMSEncoding: String, Sendable, Codable, Hashable {
    /// 7-bit GSM default alphabet: 160 septets alone, 153 per part when split.
    case gsm7
    /// UTF-16: 70 code units alone, 67 per part when split.
    case ucs2
}

/// The size of a text message, as shown to staff before sending.
package struct SegmentCount: Sendable, Codable, Hashable {
    package let encoding: SMSEncoding
    /// Septets (GSM-7, extension characters count 2) or UTF-16 code units (UCS-2).
    package let units: Int
    /// Messages the carrier bills; 0 for an empty text.
    package let segments: Int
    /// Capacity of each segment: 160/70 when the text fits in one, else 153/67.
    package let perSegment: Int

    package init(encoding: SMSEncoding, units: Int, segments: Int, perSegment: Int) {
        self.encoding = encoding
        self.units = units
        self.segments = segments
        self.perSegment = perSegment
    }
}
