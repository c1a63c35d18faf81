import Testing
@testable import PreviewServer

@Suite struct RangeHeaderTests {
    @Test(arguments: [
        (nil, 100, RangeHeader.whole),
        ("bytes=0-9", 100, .partial(start: 0, end: 9)),
        ("bytes=10-", 100, .partial(start: 10, end: 99)),
        ("bytes=-10", 100, .partial(start: 90, end: 99)),
        ("bytes=-1000", 100, .partial(start: 0, end: 99)),
        ("bytes=99-99", 100, .partial(start: 99, end: 99)),
        ("bytes=50-500", 100, .partial(start: 50, end: 99)),
        ("Bytes = 1-2", 100, .partial(start: 1, end: 2)),
        ("bytes=0-99999999999999999999999", 100, .partial(start: 0, end: 99)),
        ("bytes=99999999999999999999999-", 100, .unsatisfiable),
        ("bytes=-99999999999999999999999", 100, .partial(start: 0, end: 99)),
        ("bytes=100-", 100, .unsatisfiable),
        ("bytes=100-200", 100, .unsatisfiable),
        ("bytes=-0", 100, .unsatisfiable),
        ("bytes=0-0", 0, .unsatisfiable),
        ("bytes=-5", 0, .unsatisfiable),
        ("bytes=5-1", 100, .whole),
        ("bytes=0-1,5-6", 100, .whole),
        ("bytes=a-b", 100, .whole),
        ("bytes=-", 100, .whole),
        ("bytes=", 100, .whole),
        ("items=0-1", 100, .whole),
        ("bytes 0-1", 100, .whole),
        ("bytes=+1-2", 100, .whole),
        ("bytes=1--2", 100, .whole),
        ("bytes=0x10-", 100, .whole),
    ] as [(String?, Int64, RangeHeader)])
    func evaluate(header: String?, length: Int64, expected: RangeHeader) {
        #expect(RangeHeader.evaluate(header, length: length) == expected)
    }

    @Test func hugeHeaderIsIgnoredQuickly() {
        let header = "bytes=" + String(repeating: "9", count: 100_000) + "-"
        #expect(RangeHeader.evaluate(header, length: 10) == .whole)
    }
}
