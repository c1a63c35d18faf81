import Foundation
import Store
import Synchronization
import Theming

/// Themes kept loaded while their files do not change: the preview server and the checkout
/// rebuild one request at a time, and parsing every template and hashing every theme file
/// again for each payment costs more than rendering the pages. Owned by whoever builds
/// repeatedly (through `BuildOptions`), not by the process. The signature is every file's
/// path, size, inode and modification time under `Themes/` (one `lstat` each).
package final class ThemeCache: Sendable {
    private let entries = Mutex<[String: (signature: [String], theme: Theme)]>([:])

    package init() {}

    package func theme(_ name: String, themesDirectory: URL) throws(ThemeError) -> Theme {
        let signature = Self.signature(themesDirectory)
        let key = themesDirectory.path + "\u{1F}" + name
        if let entry = entries.withLock({ $0[key] }), entry.signature == signature { return entry.theme }
        let theme = try ThemeLoader(themesDirectory: themesDirectory).load(name)
        entries.withLock { $0[key] = (signature, theme) }
        return theme
    }

    /// One line per entry under `folder`, sorted: its relative path, size, inode, modification
    /// time and mode. Walked with `opendir`/`readdir` because FileManager's enumerator, which
    /// rewrites every path it returns, took a quarter of a one-request rebuild (perf over
    /// `paypage-bench --payments 1000`, 57 theme files).
    static func signature(_ folder: URL) -> [String] {
        var lines: [String] = []
        walk(folder.path, relative: "", into: &lines)
        return lines.sorted()
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)

    private static func walk(_ directory: String, relative: String, into lines: inout [String]) {
        guard let nameOffset = Self.nameOffset, let stream = opendir(directory) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            // The name read in place: copying the whole 256-byte `d_name` field reads past a short
            // entry, and past the end of readdir's buffer when the entry is its last.
            let name = String(cString: UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(directory + "/" + name, &info) == 0 else { continue }
            lines.append("\(path)|\(info.st_size)|\(info.st_ino)|\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)|\(info.st_mode)")
            // A link is listed, not followed, as FileManager's enumerator did.
            if info.st_mode & S_IFMT == S_IFDIR { walk(directory + "/" + name, relative: path, into: &lines) }
        }
    }
}
