import Testing
@testable import Messaging

struct SMSSegmentsTests {
    static func a(_ count: Int) -> String { String(repeating: "a", count: count) }

    @Test(arguments: [
        // (text, encoding, units, segments, perSegment)
        ("", SMSEncoding.gsm7, 0, 0, 160),
        (a(160), .gsm7, 160, 1, 160),
        (a(161), .gsm7, 161, 2, 153),
        (a(306), .gsm7, 306, 2, 153),
        (a(307), .gsm7, 307, 3, 153),
        ("Voilà, réparé à Montréal: où? Ça ü ö ä É è", .gsm7, 42, 1, 160),
        (a(158) + "€", .gsm7, 160, 1, 160),
        (a(159) + "{", .gsm7, 161, 2, 153),
        ("[x] ~ \\ | ^ }", .gsm7, 20, 1, 160),
        ("Fête", .ucs2, 4, 1, 70),
        ("Reçu", .ucs2, 4, 1, 70),
        ("l’auto", .ucs2, 6, 1, 70),
        ("« Merci »", .ucs2, 9, 1, 70),
        ("1\u{00A0}234,56", .ucs2, 8, 1, 70),
        ("ç" + a(69), .ucs2, 70, 1, 70),
        ("ç" + a(70), .ucs2, 71, 2, 67),
        ("😀", .ucs2, 2, 1, 70),
    ] as [(String, SMSEncoding, Int, Int, Int)])
    func counts(text: String, encoding: SMSEncoding, units: Int, segments: Int, perSegment: Int) {
        let count = SMSSegments.count(text)
        #expect(count == SegmentCount(encoding: encoding, units: units, segments: segments, perSegment: perSegment))
    }

    @Test func escapePairIsNotSplitAcrossSegments() {
        // 152 + 2 + 152 = 306 septets: plain division says 2 parts, but `€` cannot start
        // at the last septet of part one, so it moves and part two overflows.
        let text = Self.a(152) + "€" + Self.a(152)
        let count = SMSSegments.count(text)
        #expect(count.units == 306)
        #expect(count.segments == 3)
        // The same length with the escape one septet earlier fits in two.
        #expect(SMSSegments.count(Self.a(151) + "€" + Self.a(153)).segments == 2)
    }

    @Test func surrogatePairIsNotSplitAcrossSegments() {
        let text = String(repeating: "ç", count: 66) + "😀" + String(repeating: "ç", count: 66)
        let count = SMSSegments.count(text)
        #expect(count.encoding == .ucs2)
        #expect(count.units == 134)
        #expect(count.segments == 3)
    }

    @Test func decomposedAccentIsUCS2UntilNormalized() {
        let decomposed = "re\u{0301}pare\u{0301}"
        #expect(SMSSegments.count(decomposed).encoding == .ucs2)
        #expect(SMSSegments.count(SMSText.normalize(decomposed)).encoding == .gsm7)
    }

    @Test(arguments: [
        ("1\u{00A0}234,56\u{00A0}$", "1 234,56 $"),
        ("3:00\u{202F}PM", "3:00 PM"),
        ("1\u{202F}234,56\u{00A0}$CA", "1 234,56 $CA"),
        ("plain", "plain"),
    ])
    func normalizeReplacesFormattingSpaces(input: String, expected: String) {
        let normalized = SMSText.normalize(input)
        #expect(Array(normalized.unicodeScalars) == Array(expected.unicodeScalars))
        #expect(SMSSegments.count(normalized).encoding == .gsm7)
    }
}
