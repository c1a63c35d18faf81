import Testing
@testable import PreviewServer

/// The ASCII fast path of `StaticPath` must answer exactly as the general (Unicode) path.
@Suite struct StaticPathFastPathTests {
    /// Every ASCII byte, alone, leading, inside and trailing a segment, in one or two segments.
    static let paths: [[UInt8]] = (0..<128).flatMap { (byte: Int) -> [[UInt8]] in
        let b = UInt8(byte)
        let a = UInt8(ascii: "a"), slash = UInt8(ascii: "/")
        return [
            [slash, b], [slash, b, slash], [slash, b, a], [slash, a, b], [slash, a, b, a, slash],
            [slash, a, slash, b, slash], [slash, b, b], [slash, a, slash, b, a, slash, a],
        ]
    } + [
        Array("/".utf8), Array("//".utf8), Array("/p/abc/".utf8), Array("/p/abc/receipt/".utf8),
        Array("/..".utf8), Array("/a/../b".utf8), Array("/C:/x".utf8), Array("/a//b".utf8),
        [UInt8(ascii: "/")] + Array(repeating: UInt8(ascii: "x"), count: 255),
        [UInt8(ascii: "/")] + Array(repeating: UInt8(ascii: "x"), count: 256),
    ]

    @Test func asciiFastPathAgreesWithGeneralPath() {
        for path in Self.paths {
            let fast = StaticPath(decoded: path, asciiFastPath: true)
            let general = StaticPath(decoded: path, asciiFastPath: false)
            #expect(fast == general, "\(path)")
        }
    }

    @Test func noASCIIScalarIsAFormatCharacter() {
        for value in 0..<128 {
            #expect(Unicode.Scalar(UInt8(value)).properties.generalCategory != .format)
        }
    }
}
