import Foundation

/// Fallback when inotify is unavailable: compares modification times and sizes of
/// every file at a fixed interval.
struct PollingWatcher: Sendable {
    struct Stamp: Equatable {
        var modified: Date?
        var size: Int?
    }

    let directories: [String]
    let interval: Duration

    func start(_ continuation: AsyncStream<[String]>.Continuation) {
        let directories = directories
        let interval = interval
        // The first snapshot is taken before start returns: a change made right after is seen.
        let initial = Self.scan(directories)
        let task = Task.detached {
            var previous = initial
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard !Task.isCancelled else { break }
                let current = Self.scan(directories)
                let changed = Self.difference(previous, current)
                previous = current
                if !changed.isEmpty { continuation.yield(changed) }
            }
        }
        continuation.onTermination = { _ in task.cancel() }
    }

    static func scan(_ directories: [String]) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        for directory in directories {
            let url = URL(fileURLWithPath: directory, isDirectory: true)
            guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: keys) else { continue }
            for case let file as URL in walker {
                guard let values = try? file.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                stamps[file.path] = Stamp(modified: values.contentModificationDate, size: values.fileSize)
            }
        }
        return stamps
    }

    /// Added, removed and modified paths.
    static func difference(_ old: [String: Stamp], _ new: [String: Stamp]) -> [String] {
        var changed = Set<String>()
        for (path, stamp) in new where old[path] != stamp { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed.sorted()
    }
}
