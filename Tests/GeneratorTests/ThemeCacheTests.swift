import Foundation
@testable import Generator
import Testing

/// The theme cache's signature: every entry under `Themes/`, nested ones included, so that a
/// change to any template, string table or asset loads the theme again.
struct ThemeCacheTests {
    static func folder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("paypage-theme-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("default/templates/partials"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: root.appendingPathComponent("default/theme.json"))
        try Data("<p>{{x}}</p>".utf8).write(to: root.appendingPathComponent("default/templates/partials/line.mustache"))
        return root
    }

    @Test func theSignatureListsEveryEntryWithItsRelativePath() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let paths = ThemeCache.signature(root).map { String($0.split(separator: "|")[0]) }.sorted()
        #expect(paths == ["default", "default/templates", "default/templates/partials", "default/templates/partials/line.mustache",
                          "default/theme.json"])
    }

    @Test func anyChangeBelowChangesTheSignature() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = ThemeCache.signature(root)
        #expect(ThemeCache.signature(root) == before)
        try Data("<p>{{y}}!</p>".utf8).write(to: root.appendingPathComponent("default/templates/partials/line.mustache"))
        let edited = ThemeCache.signature(root)
        #expect(edited != before)
        try Data("{}".utf8).write(to: root.appendingPathComponent("default/templates/partials/new.mustache"))
        #expect(ThemeCache.signature(root) != edited)
    }

    @Test func aMissingFolderHasAnEmptySignature() {
        #expect(ThemeCache.signature(URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)")).isEmpty)
    }
}
