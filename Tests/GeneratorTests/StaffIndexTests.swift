import Billing
import Foundation
@testable import Generator
import Store
import Testing

/// The build keeps little per request in memory: rows go through a scratch file and back, the
/// manifest is a compact text file, and every staff list is paginated.
struct StaffIndexTests {
    static func record(_ name: String) -> StaffRecord {
        StaffRecord(reference: "RO-1", business: "Garage: \u{1F}\n\"Côté\"", theme: "default", customerName: name,
                    customerPhone: "(514) 555-0101", customerE164: "+15145550101", status: .partiallyRefunded,
                    amount: "1 234,56 $", amountDue: "0,00 $", dueMinor: -5, dueCurrency: .jpy, created: "1 mars 2026",
                    token: "abcdefghijklmnopqrstuv", hasReceipt: true, itemized: false, link: "https://pay.example/p/x")
    }

    @Test(arguments: ["Élodie Côté", "", "12:34", "emoji 👩🏽‍🔧 and \t tab", String(repeating: "x", count: 5000)])
    func recordsSurviveTheScratchFile(name: String) throws {
        var index = try StaffIndex()
        try index.add(Self.record("before"), createdAt: Date(timeIntervalSince1970: 10))
        try index.add(Self.record(name), createdAt: Date(timeIntervalSince1970: 20))
        #expect(try index.record(1) == Self.record(name))
        #expect(try index.record(0).customerName == "before")
        #expect(index.newestFirst() == [1, 0])
        #expect(index.entries[1].customerSlug == "15145550101")
    }

    @Test func truncatedRecordsAreRefused() {
        let bytes = Self.record("x").encoded()
        #expect(StaffRecord(decoding: Array(bytes.dropLast(3))) == nil)
        #expect(StaffRecord(decoding: []) == nil)
    }

    @Test func manifestRoundTrip() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var manifest = Manifest()
        manifest.requests[PageSetKey(reference: "ro-1")] = .init(hash: 0xdead_beef, token: "tok1", receipt: true)
        manifest.requests[PageSetKey(reference: "ro-2", previewTheme: "harbour")] = .init(hash: 1, token: "tok2", receipt: false)
        manifest.pages["staff/index.html"] = UInt64.max
        manifest.shared = ["public/robots.txt"]
        manifest.skipped = ["Records/invoices/X.json: lines[0]: tab\there, newline\nthere, backslash \\n"]
        manifest.withoutRecord = ["RO-9"]
        try manifest.save(to: folder)
        #expect(Manifest.load(from: folder) == manifest)
        #expect(Manifest.files(key: PageSetKey(reference: "ro-2", previewTheme: "harbour"), manifest.requests[PageSetKey(reference: "ro-2", previewTheme: "harbour")]!)
            == ["gallery/themes/harbour/p/tok2/index.html", "gallery/themes/harbour/p/tok2/fr/index.html", "gallery/themes/harbour/p/tok2/en/index.html"])
        #expect(Manifest.files(key: PageSetKey(reference: "ro-1"), manifest.requests[PageSetKey(reference: "ro-1")]!).count == 6)
        // Another generator's manifest, or a damaged one, is ignored: everything is rebuilt.
        try Data("paypage-manifest\tother\n".utf8).write(to: folder.appendingPathComponent(Manifest.fileName))
        #expect(Manifest.load(from: folder) == Manifest())
        try Data("paypage-manifest\t\(GeneratorVersion.current)\nrequest\tro-1\tnothex\tt\t1\n".utf8).write(to: folder.appendingPathComponent(Manifest.fileName))
        #expect(Manifest.load(from: folder) == Manifest())
    }

    @Test func fromFrontPagination() {
        let pages = Pagination.fromFront(count: 9, size: 4, base: "gallery/", labels: ("Prev", "Next")) { "Page \($0) of \($1)" }
        #expect(pages.map(\.folder) == ["gallery/", "gallery/page/2/", "gallery/page/3/"])
        #expect(pages.map(\.shown) == [0..<4, 4..<8, 8..<9])
        #expect(pages[0].pager?.previous == nil && pages[0].pager?.next == "/gallery/page/2/")
        #expect(pages[1].pager?.previous == "/gallery/" && pages[1].pager?.text == "Page 2 of 3")
        #expect(pages[2].pager?.next == nil)
        let one = Pagination.fromFront(count: 0, size: 4, base: "gallery/", labels: ("Prev", "Next")) { "\($0)/\($1)" }
        #expect(one.count == 1 && one[0].pager == nil && one[0].shown.isEmpty)
    }

    @Test func everyStaffListIsPaginated() throws {
        let ws = try TestWorkspace()
        let tokens = try ws.registerAll() // 24 requests
        for ref in ["RO-1001", "RO-1002"] { try ws.pay(ref) }
        let summary = try ws.build(BuildOptions(staffPageSize: 1, parallelism: 2)) // 4 per index page
        #expect(summary.requests == 24)
        #expect(ws.exists("gallery/page/6/index.html"))
        #expect(!ws.exists("gallery/page/7/index.html"))
        #expect(!ws.exists("staff/index.html"), "the console is rendered per request")
        let second = try ws.read("gallery/page/2/index.html")
        #expect(second.contains("rel=\"prev\" ") || second.contains("rel=\"prev\">"))
        #expect(second.contains("href=\"/gallery/page/3/\""))
        // Every request is on exactly one gallery page.
        let pages = try (1...6).map { try ws.read($0 == 1 ? "gallery/index.html" : "gallery/page/\($0)/index.html") }
        for (reference, token) in tokens {
            #expect(pages.filter { $0.contains("href=\"/p/\(token)/fr/\"") }.count == 1, "\(reference)")
        }
    }
}

struct TextReplacingTests {
    @Test(arguments: [
        ("3.5", ".", ",", "3,5"), ("1.2.3", ".", ",", "1,2,3"), ("none", ".", ",", "none"), ("", ".", ",", ""),
        ("Payé le {date} à {time}", "{date}", "14 mars", "Payé le 14 mars à {time}"), ("{a}{a}", "{a}", "é", "éé"),
        ("10\u{202F}h\u{202F}30", "\u{202F}", " ", "10 h 30"), ("café", "é", "e", "cafe"), ("abc", "", "x", "abc"),
    ])
    func replacesEveryOccurrence(text: String, target: String, replacement: String, expected: String) {
        #expect(text.replacingAll(target, with: replacement) == expected)
    }
}

extension StaffIndexTests {
    /// The index keeps tens of bytes a request in memory; the business is kept once per business.
    @Test func entriesStaySmallAndKeepTheirBusiness() throws {
        #expect(MemoryLayout<StaffIndex.Entry>.stride <= 56)
        var index = try StaffIndex()
        for (i, business) in ["B", "A", "B", "C", "A"].enumerated() {
            var record = Self.record("n\(i)")
            record.business = business
            record.reference = "R-\(i)"
            try index.add(record, createdAt: Date(timeIntervalSince1970: Double(i)))
        }
        #expect(index.byBusiness().map { index.business(of: index.entries[$0]) } == ["A", "A", "B", "B", "C"])
        #expect(index.byBusiness().map { index.entries[$0].reference } == ["R-1", "R-4", "R-0", "R-2", "R-3"])
        #expect(try index.record(3).business == "C")
        #expect(try index.record(3).customerName == "n3")
    }
}
