import Foundation
import Hummingbird
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `FileResolver` with its answers remembered for a second: resolving a page costs two
/// `realpath`s (an `lstat` per path component) and a `stat`, several times over for a folder
/// URL. Only found entries are remembered (a page that appears is served at once), and the
/// file is `stat`ed again before being served, so a removed page answers 404 at once too.
struct CachedResolver {
    let resolver: FileResolver
    let cache: StaticFileCache

    func resolve(_ segments: [String]) -> FileResolver.Entry? {
        let key = resolver.rootPath + "\u{0}" + segments.joined(separator: "/")
        if let entry = cache.resolved(key) { return entry }
        let entry = resolver.resolve(segments)
        if let entry { cache.remember(key, entry) }
        return entry
    }
}

/// A file ready to send: its bytes, and its headers (type, cache policy, ranges) made once.
struct StaticFile {
    var buffer: ByteBuffer
    /// Set when the file was just read (the range and live-reload paths work on `Data`).
    var data: Data?
    var headers: HTTPFields
}

/// Small files kept in memory as ready-to-send buffers, keyed by real path and checked against
/// the file's inode, size and modification time on every use: the generator writes by rename,
/// so a rebuilt page has a new inode and is read again.
final class StaticFileCache: Sendable {
    static let maxFileSize = 512 * 1024
    static let maxEntries = 20_000
    static let resolveLifetime: UInt64 = 1_000_000_000

    private struct File {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var buffer: ByteBuffer
        var headers: HTTPFields
    }

    private struct State {
        var files: [String: File] = [:]
        var resolved: [String: (entry: FileResolver.Entry, at: UInt64)] = [:]
    }

    private let state = Mutex(State())

    init() {}

    func resolved(_ key: String) -> FileResolver.Entry? {
        let now = DispatchTime.now().uptimeNanoseconds
        return state.withLock { state in
            guard let found = state.resolved[key], now &- found.at < Self.resolveLifetime else { return nil }
            return found.entry
        }
    }

    func remember(_ key: String, _ entry: FileResolver.Entry) {
        let now = DispatchTime.now().uptimeNanoseconds
        state.withLock { state in
            if state.resolved.count >= Self.maxEntries { state.resolved.removeAll(keepingCapacity: true) }
            state.resolved[key] = (entry, now)
        }
    }

    /// The file's bytes and headers, or nil when it is gone.
    func contents(of path: String) -> StaticFile? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let device = UInt64(info.st_dev), inode = UInt64(info.st_ino), size = Int64(info.st_size)
        let seconds = Int(info.st_mtim.tv_sec), nanoseconds = Int(info.st_mtim.tv_nsec)
        let cached = state.withLock { $0.files[path] }
        if let cached, cached.device == device, cached.inode == inode, cached.size == size,
           cached.seconds == seconds, cached.nanoseconds == nanoseconds {
            return StaticFile(buffer: cached.buffer, data: nil, headers: cached.headers)
        }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let buffer = ByteBuffer(bytes: data)
        let headers = FileHeaders.fields(forFile: FileHeaders.fileName(of: path))
        if data.count <= Self.maxFileSize, Int64(data.count) == size {
            let file = File(device: device, inode: inode, size: size, seconds: seconds, nanoseconds: nanoseconds,
                            buffer: buffer, headers: headers)
            state.withLock { state in
                if state.files.count >= Self.maxEntries { state.files.removeAll(keepingCapacity: true) }
                state.files[path] = file
            }
        }
        return StaticFile(buffer: buffer, data: data, headers: headers)
    }
}
