import Foundation

/// Errors the preview server reports to the CLI, which maps them to exit codes
/// (`portInUse` → 69, "something unavailable").
package enum ServerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Another process already listens on this address.
    case portInUse(host: String, port: Int)
    /// The host could not be turned into a socket address.
    case invalidHost(String)
    /// The file watcher could not be set up (inotify and polling both failed).
    case watcherUnavailable(String)

    package var description: String {
        switch self {
        case .portInUse(let host, let port):
            return "port \(port) on \(host) is already in use; stop the other server or choose another port"
        case .invalidHost(let host):
            return "cannot listen on host '\(host)': not a valid address or name"
        case .watcherUnavailable(let reason):
            return "cannot watch files for live reload: \(reason)"
        }
    }
}
