import Foundation
import Store

/// Writes files under the output folder atomically, only when their bytes change, and counts
/// what it did. Safe to use from many render workers at once.
final class OutputWriter: @unchecked Sendable {
    let root: URL
    private let lock = NSLock()
    private var written: [String] = []
    private var unchanged = 0
    private var removed: [String] = []
    private var firstError: GeneratorError?
    private var createdFolders: Set<String> = []

    init(root: URL) { self.root = root }

    func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// Writes `text` at `relative` unless the file already holds exactly these bytes.
    func write(_ text: String, to relative: String) {
        write(Data(text.utf8), to: relative)
    }

    func write(_ data: Data, to relative: String) {
        let target = url(relative)
        let folder = target.deletingLastPathComponent().path
        do {
            if !folderKnown(folder) {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                remember(folder)
            }
            let changed = try AtomicFile.writeIfChanged(data, to: target)
            lock.withLock { if changed { written.append(relative) } else { unchanged += 1 } }
        } catch let error as StoreError {
            fail(.fileSystem(path: target.path, reason: error.description))
        } catch {
            fail(.fileSystem(path: target.path, reason: "\(error)"))
        }
    }

    func countUnchanged(_ n: Int) { lock.withLock { unchanged += n } }

    /// Deletes a file and then its folders up to (not including) `public/p` or the root, while empty.
    func remove(_ relative: String) {
        let target = url(relative)
        guard FileManager.default.fileExists(atPath: target.path) else { return }
        do {
            try FileManager.default.removeItem(at: target)
            lock.withLock { removed.append(relative) }
        } catch {
            fail(.fileSystem(path: target.path, reason: "cannot delete: \(error.localizedDescription)"))
            return
        }
        var folder = target.deletingLastPathComponent()
        let stop = Set([root.standardizedFileURL.path, url("public/p").standardizedFileURL.path, url("public").standardizedFileURL.path])
        while !stop.contains(folder.standardizedFileURL.path), folder.path.hasPrefix(root.path),
              let contents = try? FileManager.default.contentsOfDirectory(atPath: folder.path), contents.isEmpty {
            try? FileManager.default.removeItem(at: folder)
            lock.withLock { _ = createdFolders.remove(folder.path) }
            folder = folder.deletingLastPathComponent()
        }
    }

    func fail(_ error: GeneratorError) { lock.withLock { if firstError == nil { firstError = error } } }

    private func folderKnown(_ path: String) -> Bool { lock.withLock { createdFolders.contains(path) } }
    private func remember(_ path: String) { lock.withLock { _ = createdFolders.insert(path) } }

    func finish(into summary: inout BuildSummary) throws(GeneratorError) {
        let (error, written, unchanged, removed) = lock.withLock { (firstError, self.written, self.unchanged, self.removed) }
        if let error { throw error }
        summary.written = written.count
        summary.writtenFiles = written.sorted()
        summary.unchanged = unchanged
        summary.removed = removed.count
        summary.removedFiles = removed.sorted()
    }
}
