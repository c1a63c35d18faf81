import Foundation
@testable import PreviewServer

/// A throwaway `Output/` folder, removed when the closure returns.
struct TempSite {
    static let token = "AbCdEfGhIjKlMnOpQrStUv"
    static let neutralOnly = "NeutralOnlyToken123456"
    static let secret = "TOP-SECRET-OUTSIDE-ROOT"

    let base: URL
    var output: URL { base.appendingPathComponent("Output") }

    static func with<T>(_ body: (TempSite) async throws -> T) async throws -> T {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("paypage-server-\(UUID().uuidString)", isDirectory: true)
        let site = TempSite(base: base)
        try site.populate()
        defer { try? FileManager.default.removeItem(at: base) }
        return try await body(site)
    }

    func write(_ relative: String, _ text: String) throws {
        let url = output.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func populate() throws {
        try write("secret.txt", Self.secret)
        try write("public/index.html", "<!DOCTYPE html><html><body><h1>Home</h1></body></html>")
        try write("public/style.css", "body{}")
        try write("public/app.0123456789.css", "main{}")
        try write("public/data.txt", "0123456789abcdef")
        try write("public/docs/index.html", "<html><body>Docs</body></html>")
        try write("public/p/\(Self.token)/index.html", "<html><body>neutral</body></html>")
        try write("public/p/\(Self.token)/fr/index.html", "<html lang=\"fr\"><body>Payer</body></html>")
        try write("public/p/\(Self.token)/en/index.html", "<html lang=\"en\"><body>Pay</body></html>")
        try write("public/p/\(Self.token)/receipt/fr/index.html", "<html><body>Reçu</body></html>")
        try write("public/p/\(Self.token)/receipt/en/index.html", "<html><body>Receipt</body></html>")
        try write("public/p/\(Self.neutralOnly)/index.html", "<html><body>only neutral</body></html>")
        try write("staff/index.html", "<html><body>Staff list</body></html>")
        try write("gallery/index.html", "<html><body>Gallery</body></html>")
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: output.appendingPathComponent("public/leak.txt").path, withDestinationPath: "../secret.txt")
        try fm.createSymbolicLink(atPath: output.appendingPathComponent("public/outside").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: output.appendingPathComponent("public/inside.css").path, withDestinationPath: "style.css")
    }

    func configuration(host: String = "127.0.0.1", liveReload: Bool = false) -> PreviewServerConfiguration {
        PreviewServerConfiguration(host: host, port: 0, outputDirectory: output, defaultLanguage: .fr, liveReload: liveReload)
    }
}
