import Foundation
import Store
import Synchronization
import Theming

/// Themes kept loaded while their files do not change: the preview server and the checkout
/// rebuild one request at a time, and parsing every template and hashing every theme file
/// again for each payment costs more than rendering the pages. Owned by whoever builds
/// repeatedly (through `BuildOptions`), not by the process. The signature is every file's
/// path, size, inode and modification time under `Themes/` (a few dozen `lstat`s).
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

    static func signature(_ folder: URL) -> [String] {
        var lines: [String] = []
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        while let path = walker.nextObject() as? String {
            var info = stat()
            guard lstat(folder.path + "/" + path, &info) == 0 else { continue }
            lines.append("\(path)|\(info.st_size)|\(info.st_ino)|\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)|\(info.st_mode)")
        }
        return lines.sorted()
    }
}
