import Foundation
import PreviewServer
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Item 3: a real PreviewServer on 127.0.0.1, spoken to over raw sockets so that no client
/// library normalizes a path or a header.
@Suite("Hostile requests over a raw socket", .serialized)
struct HostileRequestTests {
    static let token = "AbCdEfGhIjKlMnOpQrStUv"

    /// Output/ with a public page, a 1000-byte file, a staff page; canaries beside public/ and
    /// above Output/; symlinks inside public/ pointing at them.
    final class Site: @unchecked Sendable {
        let root: URL
        let output: URL
        let canary = "CANARY-\(UUID().uuidString)"
        let big: Data

        init() throws {
            root = Hardening.scratch("hostile")
            output = root.appendingPathComponent("Output")
            let fm = FileManager.default
            let publicDir = output.appendingPathComponent("public")
            try fm.createDirectory(at: publicDir.appendingPathComponent("p/\(HostileRequestTests.token)/en"), withIntermediateDirectories: true)
            try fm.createDirectory(at: output.appendingPathComponent("staff"), withIntermediateDirectories: true)
            let page = "<!DOCTYPE html>\n<html><head><title>ok</title></head><body>public page</body></html>\n"
            try Data(page.utf8).write(to: publicDir.appendingPathComponent("index.html"))
            try Data(page.utf8).write(to: publicDir.appendingPathComponent("p/\(HostileRequestTests.token)/index.html"))
            try Data(page.utf8).write(to: publicDir.appendingPathComponent("p/\(HostileRequestTests.token)/en/index.html"))
            try Data(page.utf8).write(to: output.appendingPathComponent("staff/index.html"))
            big = Data((0..<1000).map { UInt8(ascii: "a") + UInt8($0 % 26) })
            try big.write(to: publicDir.appendingPathComponent("big.txt"))
            for folder in [root, output] {
                try Data("\(canary) secret\n".utf8).write(to: folder.appendingPathComponent("secret.txt"))
            }
            try Data("\(canary) dotfile\n".utf8).write(to: publicDir.appendingPathComponent(".env"))
            try Data("\(canary) temp\n".utf8).write(to: publicDir.appendingPathComponent(".index.html.tmp-abc123"))
            try fm.createSymbolicLink(atPath: publicDir.appendingPathComponent("leak.txt").path, withDestinationPath: "../secret.txt")
            try fm.createSymbolicLink(atPath: publicDir.appendingPathComponent("abs.txt").path, withDestinationPath: root.appendingPathComponent("secret.txt").path)
            try fm.createSymbolicLink(atPath: publicDir.appendingPathComponent("up").path, withDestinationPath: "..")
            try fm.createSymbolicLink(atPath: publicDir.appendingPathComponent("top").path, withDestinationPath: root.path)
            try fm.createSymbolicLink(atPath: publicDir.appendingPathComponent("etc").path, withDestinationPath: "/etc")
            try fm.createSymbolicLink(atPath: publicDir.appendingPathComponent("p/\(HostileRequestTests.token)/fr").path, withDestinationPath: "../../..")
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        /// The idle timeout is long unless a test is about it: on a starved machine a 1 s timeout
        /// can close a connection between its connect and its first byte.
        func server(idleTimeout: Duration = .seconds(30), headDeadline: Duration = .seconds(10)) -> PreviewServer {
            PreviewServer(configuration: PreviewServerConfiguration(
                host: "127.0.0.1", port: 0, outputDirectory: output, defaultLanguage: .fr, liveReload: false,
                idleTimeout: idleTimeout, headDeadline: headDeadline))
        }
    }

    static let absolutePlaceholder = "ABSOLUTE"

    /// Request targets that try to leave Output/public/ (the canaries sit one and two levels up).
    static let traversals: [String] = {
        let ups = ["../", "%2e%2e/", "%2E%2E/", ".%2e/", "%2e./", "%252e%252e/", "..%2f", "..%2F", "%2e%2e%2f", "..\\", "..%5c", "%2e%2e%5c",
                   "%c0%ae%c0%ae/", "%c0%ae%c0%ae%c0%af", "%e0%80%ae%e0%80%ae/", "..%c0%af", "..%c1%9c", "%uff0e%uff0e/", "．．/", "%ef%bc%8e%ef%bc%8e/",
                   "..;/", ".../", "....//", "..%00/", "%00../", "..%252f", "%%32%65%%32%65/", "..%u2215", "./../", ".%00./"]
        var targets: [String] = []
        for up in ups {
            targets.append("/" + up + "secret.txt")
            targets.append("/" + up + up + "secret.txt")
            targets.append("/p/" + up + up + "secret.txt")
            targets.append("/staff/" + up + "secret.txt")
        }
        targets += [
            "//etc/passwd", "/etc/passwd", "///etc/passwd", "/%2fetc%2fpasswd", "/%2Fetc/passwd", "/etc/passwd%00.html",
            "/secret.txt%00", "/secret.txt%00.html", "/index.html%00/../secret.txt", absolutePlaceholder,
            "http://127.0.0.1/../secret.txt", "http://evil.example/../../secret.txt", "C:/secret.txt", "/C:/secret.txt", "/c:%5csecret.txt",
            "file:///etc/passwd", "/leak.txt", "/abs.txt", "/up/secret.txt", "/up/../secret.txt", "/top/secret.txt", "/top/Output/secret.txt",
            "/etc/passwd", "/etc/hostname", "/p/\(token)/fr/secret.txt", "/p/\(token)/fr/Output/secret.txt", "/p/\(token)/fr/",
            "/.env", "/.index.html.tmp-abc123", "/%2eenv", "/p/%2e%2e/secret.txt", "/p/secret.txt/", "/p/secret.txt",
            "/..", "/../", "/.", "/%2e", "/%2e%2e", "/./secret.txt", "/index.html/../../secret.txt", "/?/../../secret.txt",
            "/#/../../secret.txt", "/big.txt/../../secret.txt", "/\u{202E}txt.terces", "/%e2%80%ae/../../secret.txt", "*", "",
            "/staff/../../secret.txt", "/gallery/../secret.txt", "/staff/%2e%2e/secret.txt", "/staff/%2e%2e/%2e%2e/secret.txt",
        ]
        return targets
    }()


    @Test("traversal forms, absolute paths and escaping symlinks never return a byte from outside Output/public")
    func traversal() async throws {
        let site = try Site()
        let server = try await RunningPreview.start(site.server())
        defer { Task { await server.stop() } }
        let checks = Checks()
        try await offPool {
            var targets = Self.traversals.map { $0 == Self.absolutePlaceholder ? site.root.appendingPathComponent("secret.txt").path : $0 }
            targets.append(site.output.appendingPathComponent("secret.txt").path)
            checks.expect(targets.count >= 40)
            var statuses: [Int: Int] = [:]
            for target in targets {
                // HEAD too for the first 60 targets (the rest would only double the run time).
                for method in targets.firstIndex(of: target)! < 60 ? ["GET", "HEAD"] : ["GET"] {
                    let socket = try RawSocket(port: server.port)
                    socket.send("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    let (data, _) = socket.readToEnd()
                    let text = String(decoding: data, as: UTF8.self)
                    checks.expect(!text.contains(site.canary), "\(method) \(target) leaked the canary")
                    checks.expect(!text.contains("root:x:0:0"), "\(method) \(target) leaked /etc/passwd")
                    if let response = RawResponse.parse(data) {
                        statuses[response.status, default: 0] += 1
                        // 200 only for a real public page (e.g. "/?/../../secret.txt" is "/" with a query).
                        let servedPublicPage = response.status == 200 && (method == "HEAD" || text.contains("public page"))
                        checks.expect([301, 400, 404].contains(response.status) || servedPublicPage, "\(method) \(target) answered \(response.status)")
                    }
                }
            }
            print("Traversal: \(targets.count) targets; statuses \(statuses.sorted { $0.key < $1.key })")
            // The server is still up and serves real pages.
            let ok = try RawHTTP.get(port: server.port, "/")
            checks.expect(ok.status == 200 && ok.text.contains("public page"))
        }
        for failure in checks.all { Issue.record(Comment(rawValue: failure)) }
        await server.stop()
    }

    @Test("malformed and overflowing Range headers answer 200, 206, 400 or 416 with a true Content-Length")
    func ranges() async throws {
        let site = try Site()
        let server = try await RunningPreview.start(site.server())
        defer { Task { await server.stop() } }
        let checks = Checks()
        try await offPool {
            let ranges = [
                "bytes=0-0", "bytes=0-99", "bytes=999-999", "bytes=999-", "bytes=1000-", "bytes=1000-1000", "bytes=-1", "bytes=-1000", "bytes=-1001",
                "bytes=-0", "bytes=0-", "bytes=5-4", "bytes=-", "bytes=", "bytes", "=0-1", "bytes=a-b", "bytes=0x10-0x20", "bytes=1e3-",
                "bytes=9223372036854775807-", "bytes=9223372036854775808-", "bytes=0-9223372036854775807", "bytes=0-99999999999999999999999999999",
                "bytes=-9223372036854775808", "bytes=-99999999999999999999", "bytes=18446744073709551615-18446744073709551616",
                "bytes=0-1,2-3", "bytes=0-1,,", "bytes=,0-1", "bytes= 0 - 5 ", "bytes=\t0-5", "BYTES=0-5", "items=0-5", "bytes=0--5",
                "bytes=--5", "bytes=+5-10", "bytes=-+5", "bytes=5-10;", "bytes=٣-٥", "bytes=" + String(repeating: "9", count: 300),
                "bytes=" + String(repeating: "0-1,", count: 500) + "0-1", String(repeating: "x", count: 4000), "bytes=0-5\u{0}",
                "bytes=0-5, 10-20", "bytes=500-400", "bytes=100-200",
            ]
            for range in ranges {
                let response = try RawHTTP.get(port: server.port, "/big.txt", headers: ["Range: \(range)"])
                checks.expect([200, 206, 400, 416].contains(response.status), "Range \(range.prefix(60)) → \(response.status)")
                let declared = response.header("Content-Length").flatMap(Int.init)
                checks.expect(declared == response.body.count, "Range \(range.prefix(60)): Content-Length \(String(describing: declared)), body \(response.body.count)")
                switch response.status {
                case 200: checks.expect(response.body == site.big)
                case 206:
                    let match = response.header("Content-Range")?.firstMatch(of: /^bytes ([0-9]+)-([0-9]+)\/1000$/)
                    checks.expect(match != nil, "Range \(range): Content-Range \(response.header("Content-Range") ?? "none")")
                    if let match, let start = Int(match.1), let end = Int(match.2) {
                        checks.expect(start <= end && end < 1000)
                        checks.expect(response.body == site.big[start...end])
                    }
                case 416: checks.expect(response.header("Content-Range") == "bytes */1000")
                default: break
                }
            }
            let ok = try RawHTTP.get(port: server.port, "/big.txt")
            checks.expect(ok.status == 200 && ok.body == site.big)
        }
        for failure in checks.all { Issue.record(Comment(rawValue: failure)) }
        await server.stop()
    }

    @Test("headers over 32 KB, a field over 8 KB, 100+ fields and bodies over 64 KB are refused; the server keeps serving")
    func oversized() async throws {
        let site = try Site()
        let server = try await RunningPreview.start(site.server())
        defer { Task { await server.stop() } }
        let checks = Checks()
        try await offPool {
            let headerCases: [(String, [String])] = [
                ("one 10 KB field", ["X-Big: " + String(repeating: "a", count: 10 * 1024)]),
                ("40 fields of 1 KB (40 KB)", (0..<40).map { "X-F\($0): " + String(repeating: "b", count: 1000) }),
                ("150 small fields", (0..<150).map { "X-N\($0): 1" }),
                ("a 40 KB cookie", ["Cookie: " + String(repeating: "c=1; ", count: 8 * 1024)]),
                ("a 40 KB request target", []),
            ]
            for (name, headers) in headerCases {
                let socket = try RawSocket(port: server.port)
                let target = name.contains("target") ? "/" + String(repeating: "a", count: 40 * 1024) : "/"
                var request = "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                for header in headers { request += header + "\r\n" }
                request += "Connection: close\r\n\r\n"
                socket.send(request)
                let (data, _) = socket.readToEnd()
                let status = RawResponse.parse(data)?.status
                // Refused: an error status (400/404/413/414/431) or the connection closed without a page.
                checks.expect(status == nil || [400, 404, 413, 414, 431].contains(status!), "\(name) → \(String(describing: status))")
                checks.expect(!String(decoding: data, as: UTF8.self).contains("public page"), "\(name) was served")
            }
            // Bodies: declared, chunked, and a lying huge Content-Length.
            let big = String(repeating: "x", count: 70 * 1024)
            for target in ["/", "/api/requests/\(Self.token)/payments", "/checkout/x"] {
                let declared = try RawHTTP.post(port: server.port, target, json: big)
                checks.expect(declared.status == 413, "POST \(target) with 70 KB → \(declared.status)")
            }
            do {
                let socket = try RawSocket(port: server.port)
                var request = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                for _ in 0..<70 { request += "400\r\n" + String(repeating: "y", count: 1024) + "\r\n" }
                request += "0\r\n\r\n"
                socket.send(request)
                let (data, _) = socket.readToEnd()
                let status = RawResponse.parse(data)?.status
                checks.expect(status == nil || status == 413, "chunked 70 KB → \(String(describing: status))")
            }
            for length in ["99999999999999999999999", "-1", "1, 2", "abc"] {
                let socket = try RawSocket(port: server.port)
                socket.send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(length)\r\nConnection: close\r\n\r\n")
                let (data, _) = socket.readToEnd()
                let status = RawResponse.parse(data)?.status
                checks.expect(status == nil || [400, 413].contains(status!), "Content-Length \(length) → \(String(describing: status))")
            }
            let ok = try RawHTTP.get(port: server.port, "/")
            checks.expect(ok.status == 200 && ok.text.contains("public page"))
        }
        for failure in checks.all { Issue.record(Comment(rawValue: failure)) }
        await server.stop()
    }

    @Test("a client that never finishes its headers is cut off after the idle timeout; others keep being served")
    func slowClient() async throws {
        let site = try Site()
        let server = try await RunningPreview.start(site.server(idleTimeout: .seconds(1)))
        defer { Task { await server.stop() } }
        let checks = Checks()
        try await offPool {
            // The receive timeout is far beyond the idle timeout, so a closed socket was closed by the server.
            var slow: [RawSocket] = []
            for _ in 0..<20 {
                let socket = try RawSocket(port: server.port, receiveTimeout: 120)
                socket.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                slow.append(socket)
            }
            // While they hang, other clients are served (no timing: a starved machine is slow for all).
            for _ in 0..<20 {
                let response = try RawHTTP.get(port: server.port, "/")
                checks.expect(response.status == 200)
            }
            // Each slow connection is closed by the server (idle timeout 1 s) and answered nothing.
            for socket in slow {
                let (data, closed) = socket.readToEnd()
                checks.expect(closed, "a slow client was never cut off")
                checks.expect(!String(decoding: data, as: UTF8.self).contains("public page"))
            }
        }
        for failure in checks.all { Issue.record(Comment(rawValue: failure)) }
        await server.stop()
    }

    @Test("a client that dribbles its headers one byte at a time is cut off at the head deadline")
    func dribblingClient() async throws {
        let site = try Site()
        let server = try await RunningPreview.start(site.server(idleTimeout: .seconds(1), headDeadline: .milliseconds(300)))
        defer { Task { await server.stop() } }
        let port = server.port
        let cutOff = try await offPool { () -> Bool in
            let socket = try RawSocket(port: port, receiveTimeout: 0.3)
            // A byte every 0.3 s, within the idle timeout: a head of 240 bytes would take over a minute.
            let header = Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Dribble: " + String(repeating: "z", count: 200))
            for character in header {
                guard socket.send(String(character)) else { return true }
                switch socket.readSome() {
                case .closed, .reset: return true
                case .data, .timedOut: continue
                }
            }
            return false
        }
        #expect(cutOff, "a client sending one byte every 0.3 s kept its connection for its whole head")
        await server.stop()
    }
}
