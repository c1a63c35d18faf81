import Foundation
@testable import Theming
import Testing

/// A throwaway `Themes/` folder, seeded with the fixture themes, for tests that need broken
/// or edited themes. Removed by `withTemporaryThemes` when the test body returns.
struct TemporaryThemes {
    let directory: URL

    static var fixtures: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("Themes")
    }

    func write(_ relativePath: String, _ contents: String) throws {
        let url = directory.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    func remove(_ relativePath: String) throws {
        try FileManager.default.removeItem(at: directory.appendingPathComponent(relativePath))
    }
}

func withTemporaryThemes(_ body: (TemporaryThemes) throws -> Void) throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("paypage-theming-\(UUID().uuidString)")
    let themes = root.appendingPathComponent("Themes")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.copyItem(at: TemporaryThemes.fixtures, to: themes)
    try body(TemporaryThemes(directory: themes))
}

/// The error a throwing load produced, for exact-message assertions.
func loadError(_ name: String, in directory: URL) -> String? {
    do {
        _ = try ThemeLoader(themesDirectory: directory).load(name)
        return nil
    } catch {
        return error.description
    }
}
