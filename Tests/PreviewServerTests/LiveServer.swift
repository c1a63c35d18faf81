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
        // Ready when the server says it listens, however long a loaded machine takes.
        let task = Task {
            defer { announce.finish() }
            try await group.run()
        }
        for await port in ports { return LiveServer(port: port, counter: server.fastPathCounter, group: group, task: task) }
        try await task.value
        throw LiveServerError("the server stopped before it was ready")
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
