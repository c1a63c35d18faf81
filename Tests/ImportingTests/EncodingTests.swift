import Foundation
import Testing
@testable import Importing

struct EncodingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var declared: ImportEncoding?
        var encoding: ImportEncoding
        var reason: EncodingReason
        var text: String
        var testDescription: String { name }
    }

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit in bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    }

    static let cases: [Case] = [
        Case(name: "UTF-8 with its mark", bytes: [0xEF, 0xBB, 0xBF] + Array("Hélène,1\r\n".utf8), encoding: .utf8, reason: .byteOrderMark, text: "Hélène,1\r\n"),
        Case(name: "UTF-16 LE (Excel's Unicode text)", bytes: [0xFF, 0xFE] + utf16("Hélène\t1\r\n", bigEndian: false),
             encoding: .utf16LE, reason: .byteOrderMark, text: "Hélène\t1\r\n"),
        Case(name: "UTF-16 BE", bytes: [0xFE, 0xFF] + utf16("Œuvre ’ 😀", bigEndian: true), encoding: .utf16BE, reason: .byteOrderMark, text: "Œuvre ’ 😀"),
        Case(name: "valid UTF-8 without a mark", bytes: Array("Marie-Ève Côté".utf8), encoding: .utf8, reason: .validUTF8, text: "Marie-Ève Côté"),
        Case(name: "plain ASCII is UTF-8", bytes: Array("a,b\n".utf8), encoding: .utf8, reason: .validUTF8, text: "a,b\n"),
        Case(name: "Windows-1252 accents and punctuation", bytes: [0x4D, 0xE9, 0x92, 0x80, 0x9C, 0x96, 0xA0, 0xFF],
             encoding: .windows1252, reason: .notUTF8, text: "Mé’€œ–\u{00A0}ÿ"),
        Case(name: "declared Windows-1252", bytes: [0x63, 0x61, 0x66, 0xE9], declared: .windows1252, encoding: .windows1252, reason: .declared, text: "café"),
        Case(name: "declared, but a mark decides", bytes: [0xEF, 0xBB, 0xBF, 0xC3, 0xA9], declared: .windows1252,
             encoding: .utf8, reason: .byteOrderMark, text: "é"),
        Case(name: "declared UTF-16 LE without a mark", bytes: utf16("ab", bigEndian: false), declared: .utf16LE,
             encoding: .utf16LE, reason: .declared, text: "ab"),
    ]

    @Test(arguments: cases)
    func decodes(_ c: Case) {
        let decoded = ExportTextDecoder.decode(c.bytes, declared: c.declared)
        #expect(decoded.encoding == c.encoding)
        #expect(decoded.reason == c.reason)
        #expect(decoded.text == c.text)
        #expect(decoded.bad.isEmpty)
    }

    @Test(arguments: [UInt8(0x81), 0x8D, 0x8F, 0x90, 0x9D])
    func undefinedWindows1252BytesAreErrorsWithTheirPlace(byte: UInt8) {
        let decoded = ExportTextDecoder.decode([0xE9, 0x0D, 0x0A, 0x61, byte, 0x62], declared: nil)
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.bad == [.init(line: 2, column: 2, byte: byte)])
        #expect(decoded.text.hasSuffix("a\u{FFFD}b"))
    }

    @Test func invalidDeclaredUTF8IsReportedWhereItBreaks() {
        let decoded = ExportTextDecoder.decode(Array("ok\nab".utf8) + [0xC3, 0x28], declared: .utf8)
        #expect(decoded.encoding == .utf8)
        #expect(decoded.bad.map(\.line) == [2])
        #expect(decoded.bad.map(\.column) == [3])
    }

    @Test func anOddUTF16ByteCountLeavesHalfACharacter() {
        let decoded = ExportTextDecoder.decode([0xFF, 0xFE, 0x61, 0x00, 0x62], declared: nil)
        #expect(decoded.text == "a\u{FFFD}")
        #expect(decoded.bad.count == 1)
    }

    @Test func nulBytesWithoutAMarkAreFlagged() {
        #expect(ExportTextDecoder.decode(Self.utf16("a,b", bigEndian: false), declared: nil).hasNULs)
        #expect(!ExportTextDecoder.decode([0xFF, 0xFE] + Self.utf16("a,b", bigEndian: false), declared: nil).hasNULs)
    }

    @Test(arguments: [("UTF-8", ImportEncoding.utf8), ("cp1252", .windows1252), ("Latin1", .windows1252), ("utf-16le", .utf16LE), ("UTF_16BE", .utf16BE)])
    func encodingNames(name: String, expected: ImportEncoding) {
        #expect(ImportEncoding(name: name) == expected)
    }
}
