import Billing
import Foundation
@testable import Generator
import Store
import Testing

/// Every change rebuilds what it touches, and nothing else.
struct IncrementalBuildTests {
    /// A small workspace: three demo records registered, one paid.
    func workspace() throws -> TestWorkspace {
        let ws = try TestWorkspace()
        for ref in ["RO-1001", "RO-1002", "RO-1005"] { _ = try ws.register(try ws.loaded(ref)) }
        // Only the registered requests have pages; the other records are simply not in the ledger yet.
        try ws.pay("RO-1002")
        return ws
    }

    @Test func secondBuildWritesNothing() throws {
        let ws = try workspace()
        let first = try ws.build()
        #expect(first.written > 0)
        #expect(first.requests == 3)
        let manifest = try ws.read(".manifest")
        let second = try ws.build()
        #expect(second.written == 0, "\(second.writtenFiles)")
        #expect(second.removed == 0)
        #expect(second.rendered == 0)
        #expect(second.unchanged == first.written)
        #expect(try ws.read(".manifest") == manifest)
    }

    @Test func oneLedgerEventRewritesOnlyThatRequestAndTheGalleryPageListingIt() throws {
        let ws = try workspace()
        _ = try ws.build()
        let token = try ws.token("RO-1005")
        try ws.pay("RO-1005")
        let summary = try ws.build()
        #expect(summary.rendered == 1)
        let requestFiles = summary.writtenFiles.filter { $0.hasPrefix("public/p/") }
        #expect(!requestFiles.isEmpty)
        #expect(requestFiles.allSatisfy { $0.hasPrefix("public/p/\(token)/") }, "\(requestFiles)")
        #expect(requestFiles.contains("public/p/\(token)/receipt/fr/index.html"))
        let others = summary.writtenFiles.filter { !$0.hasPrefix("public/p/") }
        // The staff console is rendered per request: the static site lists requests only in the gallery.
        #expect(others == ["gallery/index.html"], "\(others)")
    }

    @Test func buildOnlyReferencesTouchesOnlyThose() throws {
        let ws = try workspace()
        _ = try ws.build()
        let token = try ws.token("RO-1001")
        try ws.void("RO-1001")
        let summary = try SiteBuilder(workspace: ws.root).build(only: [try Reference("RO-1001")], BuildOptions(parallelism: 2))
        #expect(summary.rendered == 1)
        #expect(summary.writtenFiles.filter { $0.hasPrefix("public/p/") }.allSatisfy { $0.hasPrefix("public/p/\(token)/") })
        #expect(try ws.read("public/p/\(token)/fr/index.html").contains("banner-voided"))
        #expect(try ws.build().written == 0)
    }

    @Test func anEventThatChangesNoPageWritesNoPage() throws {
        let ws = try workspace()
        _ = try ws.build()
        try ws.remind("RO-1005")
        let summary = try ws.build()
        #expect(summary.rendered == 1)
        #expect(summary.written == 0, "\(summary.writtenFiles)")
    }

    @Test func themeChangeRewritesEverything() throws {
        let ws = try workspace()
        let first = try ws.build()
        let pages = first.writtenFiles.filter { $0.hasSuffix(".html") }
        let css = ws.root.appendingPathComponent("Themes/default/assets/css/theme.css")
        try Data((try String(contentsOf: css, encoding: .utf8) + "\n/* changed */\n").utf8).write(to: css)
        let second = try ws.build()
        #expect(second.rendered == 3)
        let rewritten = Set(second.writtenFiles)
        for page in pages { #expect(rewritten.contains(page), "\(page)") }
        // The old stylesheet is gone, the new one is written.
        #expect(second.removedFiles.contains { $0.hasPrefix("public/assets/default/css/theme.") })
        #expect(second.writtenFiles.contains { $0.hasPrefix("public/assets/default/css/theme.") })
    }

    @Test func removedUnpaidRecordLosesItsPages() throws {
        let ws = try workspace()
        _ = try ws.build()
        let token = try ws.token("RO-1005")
        #expect(ws.exists("public/p/\(token)/index.html"))
        try ws.remove("Records/invoices/RO-1005.json")
        let summary = try ws.build()
        #expect(!ws.exists("public/p/\(token)"))
        #expect(summary.removed >= 3)
        #expect(summary.withoutRecord == ["RO-1005"])
        #expect(summary.requests == 2)
    }

    @Test func paidRecordEditedOrDeletedKeepsItsReceipt() throws {
        let ws = try workspace()
        _ = try ws.build()
        let token = try ws.token("RO-1002")
        let receipt = try ws.read("public/p/\(token)/receipt/fr/index.html")
        let file = "Records/invoices/RO-1002.json"
        let original = try String(contentsOf: ws.root.appendingPathComponent(file), encoding: .utf8)
        try ws.write(file, original.replacingOccurrences(of: "35.00", with: "99.00"))
        let edited = try ws.build()
        #expect(edited.writtenFiles.allSatisfy { !$0.hasPrefix("public/p/\(token)/") })
        #expect(try ws.read("public/p/\(token)/receipt/fr/index.html") == receipt)
        try ws.remove(file)
        _ = try ws.build()
        #expect(try ws.read("public/p/\(token)/receipt/fr/index.html") == receipt)
        #expect(try ws.read("public/p/\(token)/receipt/fr/index.html").contains("35,00"))
    }

    @Test func rotatedTokenRemovesTheOldFolder() throws {
        let ws = try workspace()
        _ = try ws.build()
        let old = try ws.token("RO-1005")
        let new = try ws.ledger.transaction { tx in try tx.rotateToken(reference: Reference("RO-1005"), at: ws.tick()).value }
        _ = try ws.build()
        #expect(!ws.exists("public/p/\(old)"))
        #expect(ws.exists("public/p/\(new)/index.html"))
    }

    @Test func invalidRecordKeepsItsPagesAndIsReported() throws {
        let ws = try workspace()
        _ = try ws.build()
        let token = try ws.token("RO-1005")
        try ws.write("Records/invoices/RO-1005.json", "{ not json")
        let summary = try ws.build()
        #expect(summary.skipped.count == 1)
        #expect(ws.exists("public/p/\(token)/index.html"))
    }

    /// Two files whose names differ only in case: the first is built, the second reported.
    @Test func caseVariantRecordIsReportedAndTheFirstOneBuilt() throws {
        let ws = try workspace()
        _ = try ws.build()
        let token = try ws.token("RO-1005")
        // Only a file system that tells the two names apart can hold both (not macOS's default).
        guard !FileManager.default.fileExists(atPath: ws.root.appendingPathComponent("Records/invoices/ro-1005.json").path) else { return }
        let original = try String(contentsOf: ws.root.appendingPathComponent("Records/invoices/RO-1005.json"), encoding: .utf8)
        try ws.write("Records/invoices/ro-1005.json", original.replacingOccurrences(of: "\"RO-1005\"", with: "\"ro-1005\""))
        let summary = try ws.build()
        #expect(summary.skipped.count == 1)
        #expect(summary.skipped.first?.contains("Records/invoices/ro-1005.json") == true)
        #expect(summary.skipped.first?.contains("Records/invoices/RO-1005.json") == true)
        #expect(summary.withoutRecord.isEmpty)
        #expect(summary.requests == 3)
        #expect(try ws.read("public/p/\(token)/en/index.html").contains("RO-1005"))
    }

    @Test func brokenTemplateFailsWithFileLineColumn() throws {
        let ws = try workspace()
        try ws.write("Themes/default/templates/payment.mustache", "<p>\n  {{#banner}}never closed\n")
        do throws(GeneratorError) {
            _ = try SiteBuilder(workspace: ws.root).build()
            Issue.record("the build should fail")
        } catch {
            #expect(error.description.hasPrefix("Themes/default/templates/payment.mustache:"), "\(error)")
            let parts = error.description.split(separator: ":")
            #expect(parts.count >= 4 && Int(parts[1]) != nil && Int(parts[2]) != nil, "\(error)")
            guard case .theme = error else { Issue.record("expected a theme error, got \(error)"); return }
        }
    }

    @Test func hostFilesAndLayout() throws {
        let ws = try workspace()
        _ = try ws.build()
        #expect(try ws.read("public/robots.txt").contains("Disallow: /p/"))
        let headers = try ws.read("public/_headers")
        #expect(headers.contains("Content-Security-Policy: default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'"))
        #expect(headers.contains("X-Robots-Tag: noindex"))
        #expect(headers.contains("Cache-Control: no-store"))
        #expect(try ws.read("deploy/nginx.conf").contains("frame-ancestors 'none'"))
        #expect(!ws.exists("staff"), "the console is rendered per request, never written to Output/")
        #expect(ws.exists("gallery/index.html"))
        #expect(!ws.exists("public/staff"))
        // The language-neutral page is in the customer's language and complete without JavaScript.
        let token = try ws.token("RO-1002") // customer language: en
        let neutral = try ws.read("public/p/\(token)/index.html")
        #expect(neutral.contains("<html lang=\"en\" data-neutral=\"true\">"))
        #expect(neutral.contains("RO-1002"))
        #expect(neutral.contains("href=\"fr/\""))
        // Quebec business: the English receipt is bilingual.
        #expect(try ws.read("public/p/\(token)/receipt/en/index.html").contains("<html lang=\"fr\""))
        #expect(try ws.read("public/p/\(token)/receipt/en/index.html").contains("Receipt"))
    }
}

struct PreviewThemeTests {
    @Test func galleryRendersEveryRequestInTheOtherThemesToo() throws {
        let ws = try TestWorkspace()
        for ref in ["RO-1002", "HV-RENT-1203"] { _ = try ws.register(try ws.loaded(ref)) }
        try ws.pay("RO-1002")
        let options = BuildOptions(previewThemes: ["default", "harbour"], parallelism: 2)
        let first = try ws.build(options)
        #expect(first.requests == 2)
        let garage = try ws.token("RO-1002"), harbour = try ws.token("HV-RENT-1203")
        // Each request in the theme it does not use; assets resolve relatively inside gallery/themes/<theme>/.
        #expect(ws.exists("gallery/themes/harbour/p/\(garage)/receipt/fr/index.html"))
        #expect(ws.exists("gallery/themes/default/p/\(harbour)/en/index.html"))
        #expect(!ws.exists("gallery/themes/default/p/\(garage)"))
        let page = try ws.read("gallery/themes/harbour/p/\(garage)/fr/index.html")
        #expect(page.contains("../../../assets/harbour/css/theme."))
        #expect(ws.exists("gallery/themes/harbour/assets/harbour/js"))
        let gallery = try ws.read("gallery/index.html")
        #expect(gallery.contains("/gallery/themes/harbour/p/\(garage)/fr/"))
        #expect(try ws.build(options).written == 0)
        // Without the preview, the copies go away.
        let plain = try ws.build(BuildOptions(parallelism: 2))
        #expect(!ws.exists("gallery/themes"))
        #expect(plain.removed > 0)
    }
}

struct StaffPaginationTests {
    @Test func chunksCountFromTheOldestEnd() {
        #expect(Pagination.chunks(0, size: 50) == [0..<0])
        #expect(Pagination.chunks(50, size: 50) == [0..<50])
        #expect(Pagination.chunks(120, size: 50) == [70..<120, 20..<70, 0..<20])
    }

    @Test func payingARequestRewritesOnlyTheGalleryPageListingIt() throws {
        let ws = try TestWorkspace()
        try ws.registerAll() // 24 requests, pages of 5 → 5 pages per long list
        let options = BuildOptions(staffPageSize: 5, parallelism: 2)
        _ = try ws.build(options)
        #expect(ws.exists("gallery/page/2/index.html"))
        // One request is paid: the other gallery pages keep their bytes.
        try ws.pay("VL-2025-018")
        let summary = try ws.build(options)
        let lists = summary.writtenFiles.filter { !$0.hasPrefix("public/") }
        #expect(lists.count == 1 && lists.allSatisfy { $0.hasPrefix("gallery/") }, "\(lists)")
    }
}
