/// What a live-reload client is told, and the result of a rebuild that leads to it.
package enum ReloadEvent: Sendable, Equatable {
    case reload
    /// A failed rebuild; the message carries `file:line:column` for the overlay.
    case error(String)
    /// An SSE comment that keeps idle connections open.
    case heartbeat

    /// Server-Sent Events wire form. Multi-line messages become several `data:` lines.
    package var serverSentEvent: String {
        switch self {
        case .reload:
            return "event: reload\ndata: reload\n\n"
        case .error(let message):
            let lines = message.replacingOccurrences(of: "\r\n", with: "\n")
                .split(separator: "\n", omittingEmptySubsequences: false)
                .map { "data: " + $0.filter { $0 != "\r" } }
            return "event: error\n" + lines.joined(separator: "\n") + "\n\n"
        case .heartbeat:
            return ": heartbeat\n\n"
        }
    }
}

/// What the CLI's incremental rebuild reports for a batch of changed paths.
package enum RebuildResult: Sendable, Equatable {
    case ok(changedCount: Int)
    case failed(message: String)
}
