import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// HTTP over a plain TCP socket to 127.0.0.1: the request bytes go out exactly as written, so
/// no client library normalizes a path, fixes a header or retries.
final class RawSocket: @unchecked Sendable {
    let fd: Int32

    init(port: Int, receiveTimeout: TimeInterval = 10) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HardeningError.failed("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw HardeningError.failed("connect to port \(port): \(String(cString: strerror(errno)))")
        }
        setReceiveTimeout(receiveTimeout)
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit { close(fd) }

    func setReceiveTimeout(_ seconds: TimeInterval) {
        var timeout = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Sends everything; false when the peer closed (EPIPE/ECONNRESET).
    @discardableResult
    func send(_ data: Data) -> Bool {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let sent = Glibc.send(fd, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += sent
            }
            return true
        }
    }

    @discardableResult
    func send(_ text: String) -> Bool { send(Data(text.utf8)) }

    enum ReadOutcome: Equatable { case data(Data), closed, timedOut, reset }

    func readSome() -> ReadOutcome {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count > 0 { return .data(Data(buffer[0..<count])) }
            if count == 0 { return .closed }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { return .timedOut }
            return .reset
        }
    }

    /// Reads until the peer closes or the timeout passes without data.
    func readToEnd() -> (data: Data, closed: Bool) {
        var all = Data()
        while true {
            switch readSome() {
            case .data(let chunk): all.append(chunk)
            case .closed, .reset: return (all, true)
            case .timedOut: return (all, false)
            }
        }
    }

    /// Reads one response (head + Content-Length body), or until close.
    func readResponse() -> RawResponse? {
        var all = Data()
        while true {
            if let response = RawResponse.parse(all), response.isComplete { return response }
            switch readSome() {
            case .data(let chunk): all.append(chunk)
            case .closed, .reset, .timedOut: return RawResponse.parse(all)
            }
        }
    }
}

struct RawResponse: Sendable, CustomStringConvertible {
    var status: Int
    var headers: [(String, String)]
    var body: Data
    var declaredLength: Int?
    var isComplete: Bool { declaredLength.map { body.count >= $0 } ?? false }

    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    func headers(_ name: String) -> [String] { headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1) }
    var text: String { String(decoding: body, as: UTF8.self) }
    var description: String { "HTTP \(status) \(headers.map { "\($0.0): \($0.1)" }.joined(separator: "; ")) body \(body.count) bytes" }

    static func parse(_ data: Data) -> RawResponse? {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[data.startIndex..<end.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        guard !lines.isEmpty else { return nil }
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        let headers = lines.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let body = Data(data[end.upperBound...])
        let length = headers.first { $0.0.lowercased() == "content-length" }.flatMap { Int($0.1) }
        return RawResponse(status: status, headers: headers, body: length.map { Data(body.prefix($0)) } ?? body,
                           declaredLength: length)
    }
}

enum RawHTTP {
    /// One request with `Connection: close`; `target` is sent byte for byte.
    static func get(port: Int, _ target: String, headers: [String] = [], method: String = "GET") throws -> RawResponse {
        let socket = try RawSocket(port: port)
        var request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
        for header in headers { request += header + "\r\n" }
        request += "Connection: close\r\n\r\n"
        socket.send(request)
        let (data, _) = socket.readToEnd()
        guard var response = RawResponse.parse(data) else {
            throw HardeningError.failed("no HTTP response to \(method) \(target) (\(data.count) bytes)")
        }
        // With Connection: close the whole rest is the body: keep it all to compare with Content-Length.
        if let end = data.range(of: Data("\r\n\r\n".utf8)) { response.body = Data(data[end.upperBound...]) }
        return response
    }

    static func post(port: Int, _ target: String, json: String, headers: [String] = []) throws -> RawResponse {
        let socket = try RawSocket(port: port, receiveTimeout: 30)
        let body = Data(json.utf8)
        var request = "POST \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\n"
        for header in headers { request += header + "\r\n" }
        request += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        socket.send(Data(request.utf8) + body)
        let (data, _) = socket.readToEnd()
        guard var response = RawResponse.parse(data) else {
            throw HardeningError.failed("no HTTP response to POST \(target)")
        }
        if let end = data.range(of: Data("\r\n\r\n".utf8)) { response.body = Data(data[end.upperBound...]) }
        return response
    }
}
