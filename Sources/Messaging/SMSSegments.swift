/// Counts the encoding and segments of a text message.
package enum SMSSegments {
    static let gsm7Single = 160
    static let gsm7Part = 153
    static let ucs2Single = 70
    static let ucs2Part = 67

    /// Counts `text` as sent, without normalizing it (see `SMSText.normalize`).
    ///
    /// Costs are per Unicode scalar: a decomposed `é` (e + U+0301) is not GSM-7.
    package static func count(_ text: String) -> SegmentCount {
        let scalars = text.unicodeScalars
        var septetCosts: [Int] = []
        septetCosts.reserveCapacity(scalars.count)
        for scalar in scalars {
            guard let cost = GSM7Alphabet.septets(for: scalar) else {
                // One character outside GSM-7 makes the whole message UCS-2.
                let costs = scalars.map { $0.utf16.count }
                return measure(costs, encoding: .ucs2, single: ucs2Single, part: ucs2Part)
            }
            septetCosts.append(cost)
        }
        return measure(septetCosts, encoding: .gsm7, single: gsm7Single, part: gsm7Part)
    }

    /// Packs costs into parts. Splitting is not a plain division: an escape pair (GSM-7)
    /// or a surrogate pair (UCS-2) is never cut across two parts, so it moves whole to
    /// the next part and can leave a septet or code unit unused.
    private static func measure(
        _ costs: [Int], encoding: SMSEncoding, single: Int, part: Int
    ) -> SegmentCount {
        let units = costs.reduce(0, +)
        if units == 0 {
            return SegmentCount(encoding: encoding, units: 0, segments: 0, perSegment: single)
        }
        if units <= single {
            return SegmentCount(encoding: encoding, units: units, segments: 1, perSegment: single)
        }
        var segments = 1
        var used = 0
        for cost in costs {
            if used + cost > part {
                segments += 1
                used = 0
            }
            used += cost
        }
        return SegmentCount(encoding: encoding, units: units, segments: segments, perSegment: part)
    }
}
