import Foundation

/// One HTTP/1 response as it came over the wire: status line, headers in order, body bytes.
struct RawResponse: Sendable, Equatable, CustomStringConvertible {
    var statusLine: String
    var headers: [Header]
    var body: [UInt8]

    struct Header: Sendable, Equatable {
        var name: String
        var value: String
    }

    var status: Int { Int(statusLine.split(separator: " ")[1]) ?? 0 }

    func values(_ name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    func header(_ name: String) -> String? { values(name).first }

    var text: String { String(decoding: body, as: UTF8.self) }

    /// Everything but the Date header, whose value depends on the second it was sent.
    var withoutDate: RawResponse {
        var copy = self
        copy.headers.removeAll { $0.name.lowercased() == "date" }
        return copy
    }

    var description: String {
        ([statusLine] + headers.map { "\($0.name): \($0.value)" }).joined(separator: "\n") + "\n\n\(text.prefix(200))"
    }

    struct Incomplete: Error {}

    /// The complete responses at the start of `bytes`, one per method (a HEAD response has no
    /// body whatever its Content-Length says); fewer when the bytes end early. Throws when
    /// bytes follow the last expected response, or a response has no Content-Length.
    static func parseAll(_ bytes: [UInt8], methods: [String]) throws -> [RawResponse] {
        var responses: [RawResponse] = []
        var rest = bytes[...]
        for method in methods {
            guard let (response, remainder) = try parseFirst(rest, isHead: method == "HEAD") else { break }
            responses.append(response)
            rest = remainder
        }
        if responses.count == methods.count, !rest.isEmpty {
            throw LiveServerError("\(rest.count) unexpected bytes after the responses: \(String(decoding: rest, as: UTF8.self))")
        }
        return responses
    }

    /// The response at the start of `bytes` and what follows it; nil while it is incomplete.
    static func parseFirst(_ bytes: ArraySlice<UInt8>, isHead: Bool) throws -> (RawResponse, ArraySlice<UInt8>)? {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else { return nil }
        var lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        let headers = lines.map { line -> Header in
            let colon = line.firstIndex(of: ":") ?? line.endIndex
            let value = colon < line.endIndex ? line[line.index(after: colon)...] : ""
            return Header(name: String(line[..<colon]), value: value.trimmingCharacters(in: .whitespaces))
        }
        var response = RawResponse(statusLine: statusLine, headers: headers, body: [])
        guard let length = response.header("Content-Length").flatMap(Int.init) else {
            throw LiveServerError("a response without Content-Length:\n\(response)")
        }
        let bodyStart = end + separator.count
        let bodyLength = isHead ? 0 : length
        guard bytes.endIndex - bodyStart >= bodyLength else { return nil }
        response.body = Array(bytes[bodyStart..<bodyStart + bodyLength])
        return (response, bytes[(bodyStart + bodyLength)...])
    }
}
