import Foundation
import HTTPTypes
import Hummingbird
import ServiceLifecycle
import StaffAccess

/// `/staff/events`: Server-Sent Events of payments for a signed-in page. No session: 401 and
/// nothing else. The stream sends a comment every heartbeat, checks the session each time
/// (without keeping an idle session alive), and ends with an `end` event when the session is
/// over (signed out, expired, account removed), and quietly on the server's graceful shutdown.
extension ConsoleRoutes {
    func events(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        guard let feed, let session = await gate.session(request), let sessionID = ConsoleGate.cookie(ConsoleGate.sessionCookie, in: request) else {
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(status: .unauthorized, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "sign in first\n")))
        }
        let service = try services()
        let text = ConsoleText(theme: try theme(service), language: session.member.language)
        let staff = gate.staff
        let staffID = session.member.id
        let replayFrom = request.headers[HTTPField.Name("Last-Event-ID")!].flatMap { Int64($0) }
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            let (stream, continuation) = AsyncStream.makeStream(of: StaffFeed.Event.self, bufferingPolicy: .bufferingNewest(64))
            // From the browser's Last-Event-ID after a reconnection (what it missed), else from now.
            let since = if let replayFrom { replayFrom } else { await feed.latest() }
            let listener = await feed.subscribe(sessionID: sessionID, after: since, continuation)
            let interval = feed.heartbeatInterval
            let ticker = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    continuation.yield(.tick)
                }
            }
            defer { ticker.cancel() }
            do {
                try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
                let open: @Sendable () async -> Bool = {
                    (try? await staff.offloaded { (staff: StaffService) throws(StaffError) in try staff.isOpen(sessionID: sessionID) }) ?? false
                }
                let ended = try await withGracefulShutdownHandler { () async throws -> Bool in
                    for await event in stream {
                        guard await open() else { return true }
                        switch event {
                        case .tick:
                            try await writer.write(ByteBuffer(string: ": heartbeat\n\n"))
                        case .payments(let payments):
                            let unread = (try? await staff.offloaded { (staff: StaffService) throws(StaffError) in
                                try staff.unreadNotifications(staffID: staffID)
                            }) ?? 0
                            for payment in payments {
                                try await writer.write(ByteBuffer(string: LiveEvent(payment, text: text, unread: unread).serverSentEvent))
                            }
                        }
                    }
                    return false
                } onGracefulShutdown: {
                    continuation.finish()
                }
                // Finished by a sign-out here, or the session is over: tell the page to stop retrying.
                let over = if ended { true } else { !(await open()) }
                if over { try await writer.write(ByteBuffer(string: "event: end\ndata: signed-out\n\n")) }
                await feed.unsubscribe(listener)
                try await writer.finish(nil)
            } catch {
                await feed.unsubscribe(listener)
                throw error
            }
        })
    }
}
