#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One `wrk` run: requests per second and latency percentiles (milliseconds).
public struct LoadResult: Sendable, Codable {
    public var connections: Int
    public var requestsPerSecond: Double
    public var p50: Double
    public var p99: Double
    public var errors: Int
}

public enum Load {
    /// `wrk -t1 -cN -dD --latency URL`: one load thread, so the server keeps the other core.
    public static func wrk(_ wrk: String, url: String, connections: Int, seconds: Int) async throws -> LoadResult {
        let run = try await ChildProcess.run(wrk, ["-t1", "-c\(connections)", "-d\(seconds)s", "--latency", url])
        guard run.status == 0 else { throw BenchError("wrk failed: \(run.stderr)\(run.stdout)") }
        return try parse(run.stdout, connections: connections)
    }

    static func parse(_ text: String, connections: Int) throws -> LoadResult {
        var rps = Double.nan, p50 = Double.nan, p99 = Double.nan, errors = 0
        for raw in text.split(separator: "\n") {
            let fields = raw.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard let first = fields.first else { continue }
            if first == "Requests/sec:", fields.count > 1 { rps = Double(fields[1]) ?? .nan }
            if first == "50%", fields.count > 1 { p50 = milliseconds(fields[1]) }
            if first == "99%", fields.count > 1 { p99 = milliseconds(fields[1]) }
            if raw.contains("Non-2xx or 3xx responses:"), let last = fields.last { errors += Int(last) ?? 0 }
            if first == "Socket", raw.contains("errors:") {
                errors += raw.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.reduce(0, +)
            }
        }
        guard rps.isFinite else { throw BenchError("cannot read wrk's output:\n\(text)") }
        return LoadResult(connections: connections, requestsPerSecond: rps, p50: p50, p99: p99, errors: errors)
    }

    /// "520.00us", "1.20ms", "2.01s" → milliseconds.
    static func milliseconds(_ text: String) -> Double {
        for (suffix, factor) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0)] where text.hasSuffix(suffix) {
            return (Double(text.dropLast(suffix.count)) ?? .nan) * factor
        }
        return Double(text) ?? .nan
    }

    /// A free TCP port on 127.0.0.1 (bound then released).
    public static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Waits until something accepts connections on 127.0.0.1:port.
    public static func waitForPort(_ port: Int, timeout: Double) async throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            let rc = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            close(fd)
            if rc == 0 { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    /// GET over a fresh connection: the status line and headers (to compare both servers).
    public static func headers(port: Int, path: String) -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else { return "" }
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var data = [UInt8](repeating: 0, count: 65_536)
        var all: [UInt8] = []
        while true {
            let n = recv(fd, &data, data.count, 0)
            if n <= 0 { break }
            all += data[0..<n]
        }
        let text = String(decoding: all, as: UTF8.self)
        return text.components(separatedBy: "\r\n\r\n").first ?? ""
    }
}

/// nginx serving the same `public/` folder with the same headers as the preview server.
public struct NginxServer: Sendable {
    public let binary: String
    public let prefix: URL
    public let root: URL
    public let port: Int

    public init(binary: String, prefix: URL, root: URL, port: Int) {
        self.binary = binary
        self.prefix = prefix
        self.root = root
        self.port = port
    }

    /// The preview server's headers for a payment page (PreviewServer's SecurityHeaders, the
    /// static site's no-store for HTML).
    static let headers: [(String, String)] = [
        ("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("X-Robots-Tag", "noindex"),
        ("X-Frame-Options", "DENY"),
        ("Permissions-Policy", "payment=(self)"),
        ("Cache-Control", "no-store"),
    ]

    var configuration: String {
        let user = getuid() == 0 ? "user root;\n" : ""
        let p = prefix.path
        let adds = Self.headers.map { "      add_header \($0.0) \"\($0.1)\" always;" }.joined(separator: "\n")
        return """
            \(user)worker_processes 1;
            daemon off;
            pid \(p)/nginx.pid;
            error_log \(p)/error.log warn;
            events { worker_connections 4096; }
            http {
              access_log off;
              server_tokens off;
              types { text/html html; text/css css; application/javascript js; image/svg+xml svg; }
              default_type application/octet-stream;
              sendfile on;
              tcp_nopush on;
              tcp_nodelay on;
              keepalive_requests 1000000;
              keepalive_timeout 65;
              client_body_temp_path \(p)/body;
              proxy_temp_path \(p)/proxy;
              fastcgi_temp_path \(p)/fastcgi;
              uwsgi_temp_path \(p)/uwsgi;
              scgi_temp_path \(p)/scgi;
              server {
                listen 127.0.0.1:\(port);
                root \(root.path);
                location / {
                  charset utf-8;
            \(adds)
                  try_files $uri $uri/index.html =404;
                }
              }
            }

            """
    }

    /// Runs `body` while nginx serves; stops it afterwards.
    public func whileRunning<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try FileManager.default.createDirectory(at: prefix, withIntermediateDirectories: true)
        let conf = prefix.appendingPathComponent("nginx.conf")
        try Data(configuration.utf8).write(to: conf)
        return try await ChildProcess.whileRunning(binary, ["-p", prefix.path, "-c", conf.path],
                                                   log: prefix.appendingPathComponent("stdout.log").path) {
            guard try await Load.waitForPort(port, timeout: 10) else {
                let log = (try? String(contentsOf: prefix.appendingPathComponent("error.log"), encoding: .utf8)) ?? ""
                throw BenchError("nginx did not start: \(log)")
            }
            return try await body()
        }
    }
}
