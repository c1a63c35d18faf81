import Foundation
import Testing
@testable import PreviewServer

/// Serialized: the descriptor test counts this process's inotify descriptors.
@Suite(.serialized) struct FileWatcherTests {
    static func inotifyDescriptorCount() throws -> Int {
        let entries = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")
        return entries.filter { entry in
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + entry))?.contains("inotify") == true
        }.count
    }

    static func tempDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("paypage-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("sub"), withIntermediateDirectories: true)
        return url
    }

    /// First batch containing `path`, or nil after 30 s: a functional timeout, long enough for a
    /// starved machine (it costs nothing when the change is seen, which is at once).
    static func firstBatch(containing path: String, in stream: AsyncStream<[String]>) async -> [String]? {
        await withTaskGroup(of: [String]?.self) { group in
            group.addTask {
                for await batch in stream where batch.contains(path) { return batch }
                return nil
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(30))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    @Test(arguments: [FileWatcher.Mode.inotify, .polling])
    func seesAtomicRename(mode: FileWatcher.Mode) async throws {
        let directory = try Self.tempDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let stream = try FileWatcher(directories: [directory], mode: mode).changes()
        let target = directory.appendingPathComponent("sub/theme.css").path
        let temporary = directory.appendingPathComponent("sub/.theme.css.tmp").path
        try Data("body{}".utf8).write(to: URL(fileURLWithPath: temporary))
        #expect(rename(temporary, target) == 0)
        let batch = await Self.firstBatch(containing: target, in: stream)
        #expect(batch != nil)
    }

    @Test func seesFilesInNewSubdirectories() async throws {
        let directory = try Self.tempDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let stream = try FileWatcher(directories: [directory], mode: .inotify).changes()
        let nested = directory.appendingPathComponent("new/deeper")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        // Reported once the watcher watches it and everything below it: the file is then new to a watched folder.
        #expect(await Self.firstBatch(containing: directory.appendingPathComponent("new").path, in: stream) != nil)
        let file = nested.appendingPathComponent("page.mustache").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        #expect(await Self.firstBatch(containing: file, in: stream) != nil)
    }

    @Test func stopsAndClosesItsDescriptor() async throws {
        let directory = try Self.tempDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = try Self.inotifyDescriptorCount()
        do {
            let stream = try FileWatcher(directories: [directory], mode: .inotify).changes()
            #expect(try Self.inotifyDescriptorCount() == before + 1)
            // The consumer ends its iteration once it has seen a change, and the stream goes: that stops the watcher.
            let marker = directory.appendingPathComponent("sub/seen").path
            try Data("x".utf8).write(to: URL(fileURLWithPath: marker))
            #expect(await Self.firstBatch(containing: marker, in: stream) != nil)
        }
        // The watcher thread closes its descriptors right after it is woken.
        var after = Int.max
        for _ in 0..<600 where after > before {  // up to 30 s on a starved machine
            try await Task.sleep(for: .milliseconds(50))
            after = try Self.inotifyDescriptorCount()
        }
        #expect(after <= before)
    }

    @Test func missingDirectoryIsReported() {
        #expect(throws: ServerError.self) {
            _ = try FileWatcher(directories: [URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)")], mode: .inotify).changes()
        }
    }
}
