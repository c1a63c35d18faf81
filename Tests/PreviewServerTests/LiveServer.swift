import Foundation
import Hummingbird
@testable import PreviewServer

/// A real `PreviewServer` on 127.0.0.1 (port 0: the kernel picks one), run in this process and
/// stopped by cancelling its task.
struct LiveServer: Sendable {
    let port: Int
    let counter: StaticFastPath.Counter
    private let task: Task<Void, any Error>

    static func start(_ server: PreviewServer) async throws -> LiveServer {
        let (ports, announce) = AsyncStream.makeStream(of: Int.self)
        let app = server.makeApplication { announce.yield($0.port) }
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        let timeout = Task {
            try await Task.sleep(for: .seconds(30))
            announce.finish()
        }
        defer { timeout.cancel() }
        for await port in ports { return LiveServer(port: port, counter: server.fastPathCounter, task: task) }
        task.cancel()
        throw LiveServerError("the server did not start")
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }
}

struct LiveServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
