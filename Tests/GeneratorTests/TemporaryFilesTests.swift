import Foundation
@testable import Generator
import Testing

/// Temporary files left by a killed build: removed once they are a minute old, never younger.
struct TemporaryFilesTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("paypage-tmp-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `relative` under `root`, last modified `age` seconds before `now`.
    static func file(_ root: URL, _ relative: String, age: TimeInterval, now: Date) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: url)
        try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(-age)], ofItemAtPath: url.path)
    }

    static func exists(_ root: URL, _ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path)
    }

    @Test func onlyTemporaryFilesAMinuteOldAreRemoved() throws {
        let output = try Self.folder()
        defer { try? FileManager.default.removeItem(at: output) }
        let now = Date()
        let stale = [".tmp/.index.html.tmp-1x2y", ".manifest.json.tmp-9z"]
        let kept = [".tmp/.index.html.tmp-young", ".manifest.json", "public/p/tok/index.html", ".tmp/notes.txt"]
        for path in stale { try Self.file(output, path, age: 61, now: now) }
        try Self.file(output, kept[0], age: 59, now: now)  // another writer's, maybe still in use
        for path in kept.dropFirst() { try Self.file(output, path, age: 3_600, now: now) }

        #expect(TemporaryFiles.removeStale(in: output, now: now) == stale.sorted())
        for path in stale { #expect(!Self.exists(output, path), "\(path)") }
        for path in kept { #expect(Self.exists(output, path), "\(path)") }
    }

    @Test func withoutTheStagingFolderTheWholeOutputIsSearchedOnce() throws {
        let output = try Self.folder()
        defer { try? FileManager.default.removeItem(at: output) }
        let now = Date()
        // Left beside the pages (where temporary files were written before `.tmp/`).
        try Self.file(output, "public/p/tok/fr/.index.html.tmp-abc", age: 120, now: now)
        try Self.file(output, "public/p/tok/fr/index.html", age: 120, now: now)
        try Self.file(output, "staff/.index.html.tmp-new", age: 1, now: now)

        #expect(TemporaryFiles.removeStale(in: output, now: now) == ["public/p/tok/fr/.index.html.tmp-abc"])
        #expect(Self.exists(output, "public/p/tok/fr/index.html"))
        #expect(Self.exists(output, "staff/.index.html.tmp-new"))
        #expect(Self.exists(output, TemporaryFiles.folder))
        // From now on only `.tmp/` and the top folder are looked at.
        try Self.file(output, "staff/.other.html.tmp-old", age: 120, now: now)
        #expect(TemporaryFiles.removeStale(in: output, now: now).isEmpty)
    }

    @Test func aMissingOutputFolderIsNothingToClean() throws {
        let output = try Self.folder().appendingPathComponent("Output")
        #expect(TemporaryFiles.removeStale(in: output).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aBuildRemovesWhatAKilledBuildLeft() throws {
        let ws = try TestWorkspace()
        _ = try ws.register(try ws.loaded("RO-1001"))
        _ = try ws.build()
        #expect(Self.exists(ws.output, TemporaryFiles.folder), "pages are written through .tmp/")
        #expect(try FileManager.default.contentsOfDirectory(atPath: ws.output.appendingPathComponent(TemporaryFiles.folder).path).isEmpty)
        let now = Date()
        try Self.file(ws.output, ".tmp/.index.html.tmp-killed", age: 300, now: now)
        try Self.file(ws.output, ".tmp/.index.html.tmp-writing", age: 0, now: now)
        _ = try ws.build()
        #expect(!Self.exists(ws.output, ".tmp/.index.html.tmp-killed"))
        #expect(Self.exists(ws.output, ".tmp/.index.html.tmp-writing"))
    }
}
