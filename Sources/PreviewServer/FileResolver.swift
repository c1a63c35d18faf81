import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps a validated `StaticPath` onto the disk, refusing anything whose real path
/// (after symlinks) leaves the root.
struct FileResolver: Sendable {
    enum Entry: Equatable {
        case file(String)
        case directory(String)
    }

    let root: URL
    /// `root.path`, computed once: it costs more than the rest of a cached lookup.
    let rootPath: String

    init(root: URL) {
        self.root = root
        self.rootPath = root.path
    }

    /// Nil when the entry does not exist or escapes the root (both are a 404).
    func resolve(_ segments: [String]) -> Entry? {
        // The root is re-resolved each time: a rebuild may replace `Output/` wholesale.
        guard let rootReal = Self.realPath(rootPath) else { return nil }
        let candidate = ([rootReal] + segments).joined(separator: "/")
        guard let real = Self.realPath(candidate) else { return nil }
        guard real == rootReal || real.hasPrefix(rootReal == "/" ? "/" : rootReal + "/") else { return nil }
        var info = stat()
        guard stat(real, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(real)
        case S_IFDIR: return .directory(real)
        default: return nil  // sockets, fifos, devices
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
