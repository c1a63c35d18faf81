import Foundation
import Testing
@testable import PreviewServer

/// Real sockets, loopback only.
@Suite struct ServerRunTests {
    @Test func takenPortIsReportedAsPortInUse() async throws {
        try await TempSite.with { site in
            let first = PreviewServer(configuration: site.configuration())
            let (bound, announce) = AsyncStream.makeStream(of: PreviewServer.RunningServer.self)
            let running = Task { try await first.run { announce.yield($0) } }
            var iterator = bound.makeAsyncIterator()
            let address = try #require(await iterator.next())
            #expect(address.port > 0)
            #expect(address.baseURL == "http://127.0.0.1:\(address.port)")

            var config = site.configuration()
            config.port = address.port
            let error = await #expect(throws: ServerError.self) { try await PreviewServer(configuration: config).run() }
            #expect(error == .portInUse(host: "127.0.0.1", port: address.port))
            #expect(error?.description.contains("already in use") == true)
            running.cancel()
            _ = try? await running.value
        }
    }

    @Test(arguments: [("::1", "http://[::1]:8080"), ("localhost", "http://localhost:8080")])
    func baseURL(host: String, expected: String) {
        #expect(PreviewServer.RunningServer(host: host, port: 8080).baseURL == expected)
    }
}
