import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
@testable import PreviewServer

/// A real `PreviewServer` on 127.0.0.1 (port 0: the kernel picks one), run in this process in
/// a service group, and stopped the way SIGTERM stops it: a graceful shutdown.
struct LiveServer: Sendable {
    let port: Int
    let counter: StaticFastPath.Counter
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    static func start(_ server: PreviewServer) async throws -> LiveServer {
        let (ports, announce) = AsyncStream.makeStream(of: Int.self)
        let app = server.makeApplication { announce.yield($0.port) }
        var configuration = ServiceGroupConfiguration(services: [app], logger: Logger(label: "test"))
        configuration.maximumGracefulShutdownDuration = .seconds(30)
        let group = ServiceGroup(configuration: configuration)
        let task = Task { try await group.run() }
        let timeout = Task {
            try await Task.sleep(for: .seconds(30))
            announce.finish()
        }
        defer { timeout.cancel() }
        for await port in ports { return LiveServer(port: port, counter: server.fastPathCounter, group: group, task: task) }
        task.cancel()
        throw LiveServerError("the server did not start")
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}

struct LiveServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
