import Foundation

/// Watches directories recursively and delivers debounced batches of changed paths.
///
/// Uses inotify where available (an editor's atomic save is a create + rename in the
/// directory, so directories are watched, not files), else polls modification times.
/// Ending the consumer's iteration (or cancelling its task) stops the watcher and
/// releases its file descriptors.
package struct FileWatcher: Sendable {
    package enum Mode: Sendable, Equatable {
        /// inotify if it can be set up, polling otherwise.
        case automatic
        case inotify
        case polling
    }

    package var directories: [URL]
    package var mode: Mode
    /// Quiet time after the last event before a batch is delivered.
    package var debounce: Duration
    package var pollInterval: Duration

    package init(
        directories: [URL], mode: Mode = .automatic,
        debounce: Duration = .milliseconds(100), pollInterval: Duration = .milliseconds(500)
    ) {
        self.directories = directories
        self.mode = mode
        self.debounce = debounce
        self.pollInterval = pollInterval
    }

    /// Batches of absolute paths, sorted and without duplicates.
    package func changes() throws(ServerError) -> AsyncStream<[String]> {
        let (stream, continuation) = AsyncStream.makeStream(of: [String].self, bufferingPolicy: .bufferingNewest(64))
        let paths = directories.map { $0.standardizedFileURL.path }
        #if canImport(Glibc)
        switch mode {
        case .polling:
            PollingWatcher(directories: paths, interval: pollInterval).start(continuation)
        case .inotify:
            try InotifyWatcher(directories: paths, debounce: debounce).start(continuation)
        case .automatic:
            do {
                try InotifyWatcher(directories: paths, debounce: debounce).start(continuation)
            } catch {
                PollingWatcher(directories: paths, interval: pollInterval).start(continuation)
            }
        }
        #else
        guard mode != .inotify else { throw .watcherUnavailable("inotify exists only on Linux") }
        PollingWatcher(directories: paths, interval: pollInterval).start(continuation)
        #endif
        return stream
    }
}

extension Duration {
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
