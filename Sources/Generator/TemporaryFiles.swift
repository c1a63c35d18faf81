import Foundation

/// The temporary files pages are written to before they are renamed into place, and the removal
/// of those a killed build (or server) left behind.
///
/// Pages are written to `Output/.tmp/.<name>.tmp-<random>`, so a build finds what was left by
/// listing one folder, not the whole site; the manifest and the build stamp get theirs beside
/// them, in `Output/` itself. Pages are written without the build lock (the server publishes a
/// paid request's pages at once), so only files older than `minimumAge` are removed: a younger
/// one may be another writer's, still in use.
enum TemporaryFiles {
    static let folder = ".tmp"
    static let minimumAge: TimeInterval = 60

    /// The temporary name for a file called `name`.
    static func name(for name: Substring) -> String {
        "." + name + ".tmp-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
    }

    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(".tmp-")
    }

    /// Removes the temporary files under `output` older than `minimumAge`; returns their paths
    /// relative to `output`. Without `.tmp/` (a new output folder, or one written by a version that
    /// put temporary files beside the pages) the whole folder is searched once, and `.tmp/` made.
    @discardableResult
    static func removeStale(in output: URL, now: Date = Date()) -> [String] {
        let fm = FileManager.default
        let staging = output.appendingPathComponent(folder, isDirectory: true)
        var removed: [String] = []
        func removeIfStale(_ url: URL, as relative: String) {
            guard let modified = (try? fm.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date,
                  now.timeIntervalSince(modified) >= minimumAge,
                  (try? fm.removeItem(at: url)) != nil else { return }
            removed.append(relative)
        }
        var isFolder: ObjCBool = false
        if fm.fileExists(atPath: staging.path, isDirectory: &isFolder), isFolder.boolValue {
            for name in (try? fm.contentsOfDirectory(atPath: staging.path)) ?? [] where isTemporary(name) {
                removeIfStale(staging.appendingPathComponent(name), as: folder + "/" + name)
            }
            for name in (try? fm.contentsOfDirectory(atPath: output.path)) ?? [] where isTemporary(name) {
                removeIfStale(output.appendingPathComponent(name), as: name)
            }
        } else if fm.fileExists(atPath: output.path) {
            let walker = fm.enumerator(atPath: output.path)
            while let relative = walker?.nextObject() as? String {
                if isTemporary((relative as NSString).lastPathComponent) {
                    removeIfStale(output.appendingPathComponent(relative), as: relative)
                }
            }
            try? fm.createDirectory(at: staging, withIntermediateDirectories: true)
        }
        return removed.sorted()
    }
}
