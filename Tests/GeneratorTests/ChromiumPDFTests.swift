import Foundation
@testable import Generator
import Testing

/// `paypage receipt --pdf` prints through headless Chromium (installed by scripts/test.sh).
struct ChromiumPDFTests {
    @Test func printingTwiceToTheSamePathReplacesThePDF() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("receipt.html")
        let pdf = folder.appendingPathComponent("receipt.pdf")
        for text in ["Reçu 000001", "Reçu 000002"] {
            try Data("<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><title>R</title><p>\(text)</p></html>".utf8).write(to: page)
            try await ChromiumPDF().print(page: page, to: pdf)
            #expect(try Data(contentsOf: pdf).prefix(5) == Data("%PDF-".utf8))
        }
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["receipt.html", "receipt.pdf"])
    }
}
