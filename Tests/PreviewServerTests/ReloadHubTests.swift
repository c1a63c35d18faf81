import Foundation
import Testing
@testable import PreviewServer

@Suite struct ReloadHubTests {
    @Test(arguments: [
        (ReloadEvent.reload, "event: reload\ndata: reload\n\n"),
        (.error("Themes/a/base.mustache:3:7: unclosed tag"), "event: error\ndata: Themes/a/base.mustache:3:7: unclosed tag\n\n"),
        (.error("line 1\r\nline 2"), "event: error\ndata: line 1\ndata: line 2\n\n"),
        (.heartbeat, ": heartbeat\n\n"),
    ])
    func wireFormat(event: ReloadEvent, expected: String) {
        #expect(event.serverSentEvent == expected)
    }

    @Test func broadcastsToEverySubscriberAndCloses() async {
        let hub = ReloadHub(heartbeatInterval: .seconds(60))
        let first = await hub.subscribe()
        let second = await hub.subscribe()
        #expect(await hub.subscriberCount == 2)
        await hub.broadcast(.reload)
        await hub.broadcast(.error("boom"))
        await hub.close()
        var received: [[ReloadEvent]] = []
        for stream in [first, second] {
            var events: [ReloadEvent] = []
            for await event in stream { events.append(event) }
            received.append(events)
        }
        #expect(received == [[.reload, .error("boom")], [.reload, .error("boom")]])
        // After close, new subscribers get an already finished stream.
        var late = 0
        for await _ in await hub.subscribe() { late += 1 }
        #expect(late == 0)
    }

    @Test func sendsHeartbeats() async {
        let hub = ReloadHub(heartbeatInterval: .milliseconds(20))
        let stream = await hub.subscribe()
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next() == .heartbeat)
        await hub.close()
    }

    @Test func reloadServiceTurnsRebuildResultsIntoEvents() async throws {
        let hub = ReloadHub(heartbeatInterval: .seconds(60))
        let events = await hub.subscribe()
        let (changes, input) = AsyncStream.makeStream(of: [String].self)
        let service = ReloadService(changes: changes, hub: hub) { paths in
            paths.contains("bad") ? .failed(message: "a.mustache:1:2: oops") : .ok(changedCount: paths.count)
        }
        let running = Task { try await service.run() }
        input.yield(["good"])
        input.yield(["bad"])
        var iterator = events.makeAsyncIterator()
        #expect(await iterator.next() == .reload)
        #expect(await iterator.next() == .error("a.mustache:1:2: oops"))
        running.cancel()  // outside a ServiceGroup, cancellation stands for shutdown
        try await running.value
        #expect(await iterator.next() == nil)  // the hub closed
    }
}
