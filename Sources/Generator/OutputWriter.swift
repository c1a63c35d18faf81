import Foundation
import Store
import Synchronization
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes files under the output folder atomically, only when their bytes change, and counts
/// what it did. Safe to use from many render workers at once.
final class OutputWriter: Sendable {
    let root: URL
    /// The first `listed` paths written are kept for the summary; beyond, only counted (a
    /// large build's list would grow with the site).
    static let listed = 2_000

    private struct Tally {
        var written: [String] = []
        var writtenCount = 0
        var unchanged = 0
        var removed: [String] = []
        var firstError: GeneratorError?
    }

    private let tally = Mutex(Tally())

    /// `root.path` with a trailing slash: paths are joined as text (URL operations per page
    /// were a measurable part of a build).
    private let rootPrefix: String
    /// Where pages are written before they are renamed into place (see `TemporaryFiles`).
    private let staging: String

    init(root: URL) {
        self.root = root
        rootPrefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        staging = rootPrefix + TemporaryFiles.folder + "/"
    }

    func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// Writes `text` at `relative` unless the file already holds exactly these bytes.
    func write(_ text: String, to relative: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0), to: relative) }
    }

    func write(_ bytes: [UInt8], to relative: String) {
        bytes.withUnsafeBytes { write($0, to: relative) }
    }

    func write(_ data: Data, to relative: String) {
        data.withUnsafeBytes { write($0, to: relative) }
    }

    private func write(_ bytes: UnsafeRawBufferPointer, to relative: String) {
        let path = rootPrefix + relative
        do throws(StoreError) {
            let changed = try Self.writeIfChanged(bytes, to: path, staging: staging)
            tally.withLock { tally in
                if !changed {
                    tally.unchanged += 1
                    return
                }
                tally.writtenCount += 1
                if tally.written.count < Self.listed { tally.written.append(relative) }
            }
        } catch {
            fail(.fileSystem(path: path, reason: error.description))
        }
    }

    func countUnchanged(_ n: Int) { tally.withLock { $0.unchanged += n } }

    /// Deletes a file and then its folders up to (not including) `public/p` or the root, while empty.
    func remove(_ relative: String) {
        let target = url(relative)
        guard FileManager.default.fileExists(atPath: target.path) else { return }
        do {
            try FileManager.default.removeItem(at: target)
            tally.withLock { $0.removed.append(relative) }
        } catch {
            fail(.fileSystem(path: target.path, reason: "cannot delete: \(error.localizedDescription)"))
            return
        }
        var folder = target.deletingLastPathComponent()
        let stop = Set([root.standardizedFileURL.path, url("public/p").standardizedFileURL.path, url("public").standardizedFileURL.path])
        while !stop.contains(folder.standardizedFileURL.path), folder.path.hasPrefix(root.path),
              let contents = try? FileManager.default.contentsOfDirectory(atPath: folder.path), contents.isEmpty {
            try? FileManager.default.removeItem(at: folder)
            folder = folder.deletingLastPathComponent()
        }
    }

    /// Pages are derived data: each is written to a temporary name and renamed over (readers see
    /// the old page or the new, never a torn one), without an fsync per file (two per page made
    /// a build on a real disk crawl). `finish` syncs the output file system once, before the
    /// manifest is saved, so the manifest never claims pages that a crash could have lost.
    /// The temporary file goes to `staging` (a folder ending in `/`), else beside the page.
    static func writeIfChanged(_ data: UnsafeRawBufferPointer, to path: String, staging: String? = nil) throws(StoreError) -> Bool {
        var info = stat()
        if stat(path, &info) == 0, Int(info.st_size) == data.count,
           let existing = FileManager.default.contents(atPath: path),
           existing.withUnsafeBytes({ $0.elementsEqual(data) }) {
            return false
        }
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let tempFolder = staging ?? String(path[..<slash])
        let temp = tempFolder + TemporaryFiles.name(for: path[slash...])
        func failure(_ operation: String) -> StoreError {
            .fileSystem(path: path, operation: operation, reason: String(cString: strerror(errno)))
        }
        // Folders are made on demand, so the writer keeps no list of them.
        var fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0, errno == ENOENT {
            makeFolders(String(tempFolder.dropLast()))  // without its trailing slash
            fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw failure("create a temporary file") }
        let complete = { (buffer: UnsafeRawBufferPointer) -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }(data)
        if !complete || close(fd) != 0 {
            let error = failure("write")
            unlink(temp)
            throw error
        }
        var renamed = rename(temp, path) == 0
        if !renamed, errno == ENOENT, let folderEnd = path.lastIndex(of: "/") {
            makeFolders(String(path[..<folderEnd]))
            renamed = rename(temp, path) == 0
        }
        if !renamed, errno == EXDEV, staging != nil {
            // The page's folder is on another file system: its temporary file goes beside it.
            unlink(temp)
            return try writeIfChanged(data, to: path, staging: nil)
        }
        guard renamed else {
            let error = failure("rename into place")
            unlink(temp)
            throw error
        }
        return true
    }

    /// `mkdir -p` with the system call (Foundation's took a fortieth of a build): the folder,
    /// after its parents when they are missing too. Failures show when the file is opened.
    private static func makeFolders(_ folder: String) {
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = folder.lastIndex(of: "/"), slash > folder.startIndex else { return }
        makeFolders(String(folder[..<slash]))
        _ = mkdir(folder, 0o755)
    }

    /// Linux's `syncfs(2)` (not in the Glibc module map): flushes one file system only.
    private static let syncfs: (@convention(c) (Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

    /// One `syncfs` for every page written (instead of two fsyncs per page).
    private func syncAll() {
        let fd = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        if let syncfs = Self.syncfs { _ = syncfs(fd) } else { sync() }
    }

    func fail(_ error: GeneratorError) { tally.withLock { if $0.firstError == nil { $0.firstError = error } } }

    func finish(into summary: inout BuildSummary) throws(GeneratorError) {
        let tally = self.tally.withLock { $0 }
        if let error = tally.firstError { throw error }
        if tally.writtenCount > 0 || !tally.removed.isEmpty { syncAll() }
        summary.written = tally.writtenCount
        summary.writtenFiles = tally.written.sorted()
        summary.unchanged = tally.unchanged
        summary.removed = tally.removed.count
        summary.removedFiles = tally.removed.sorted()
    }
}
