import Hummingbird
import MultipartKit
import NIOCore

/// Reads a `multipart/form-data` body as it arrives, parts split by MultipartKit's parser. The
/// first part must be the session's CSRF token, and it is checked before more than `smallLimit`
/// bytes are taken: only a form sent by a signed-in staff member may then grow to `largeLimit`.
struct FormUploadReader {
    static let tokenField = "csrf"
    /// A form has a handful of fields: more parts than this is not our form.
    static let maxParts = 32

    let boundary: String
    let smallLimit: Int
    let largeLimit: Int
    /// How much of a too-large upload from a signed-in staff member is read and thrown away, so the
    /// browser shows the "too large" page: a server that stops reading leaves the browser with a
    /// reset connection or a stalled send. Past this, the connection is left to close.
    var discardLimit: Int { largeLimit * 4 }

    /// nil when the content type is not `multipart/form-data` with a boundary of 1–70 characters.
    init?(contentType: String?, smallLimit: Int, largeLimit: Int) {
        guard let contentType, let type = MediaType(from: contentType), type.type == .multipart, type.subType == "form-data",
              let parameter = type.parameter, parameter.name.lowercased() == "boundary",
              (1...70).contains(parameter.value.utf8.count) else { return nil }
        boundary = parameter.value
        self.smallLimit = smallLimit
        self.largeLimit = largeLimit
    }

    /// The whole upload; `acceptsToken` says whether the first part's value is the session's token.
    /// Throws `UploadProblem`, or the body's own error when the connection fails.
    func read(_ body: RequestBody, declaredLength: Int?, acceptsToken: (String) -> Bool) async throws -> FormUpload {
        let collector = PartCollector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { collector.header($0, $1) }
        parser.onBody = { collector.body(&$0) }
        parser.onPartComplete = { collector.complete() }
        var received = 0
        var limit = smallLimit
        var tokenChecked = false
        var tail: [UInt8] = []
        var chunks = body.makeAsyncIterator()
        while let chunk = try await chunks.next() {
            received += chunk.readableBytes
            // A chunk is parsed before the limit applies: one chunk more than the limit at most.
            do { try parser.execute(chunk) } catch { throw UploadProblem.malformed }
            if collector.parts.count > Self.maxParts { throw UploadProblem.malformed }
            if !tokenChecked, let first = collector.parts.first {
                guard first.disposition?.name == Self.tokenField, first.disposition?.fileName == nil,
                      let token = String(validating: first.body, as: UTF8.self), acceptsToken(token) else { throw UploadProblem.forbidden }
                tokenChecked = true
                limit = largeLimit
                if let declaredLength, declaredLength > largeLimit {
                    try await discard(&chunks, from: received, declaredLength: declaredLength)
                    throw UploadProblem.tooLarge(limit: largeLimit)
                }
            }
            if received > limit {
                guard tokenChecked else { throw UploadProblem.forbidden }
                try await discard(&chunks, from: received, declaredLength: declaredLength)
                throw UploadProblem.tooLarge(limit: largeLimit)
            }
            tail = Array((tail + chunk.readableBytesView).suffix(boundary.utf8.count + 16))
        }
        guard !collector.parts.isEmpty else { throw UploadProblem.malformed }
        guard tokenChecked else { throw UploadProblem.forbidden }
        // Closed: the last delimiter is `--boundary--` (then at most a line break).
        let closing = Array("--\(boundary)--".utf8)
        while let last = tail.last, last == 13 || last == 10 { tail.removeLast() }
        guard tail.count >= closing.count, Array(tail.suffix(closing.count)) == closing, collector.isBetweenParts else {
            throw UploadProblem.unfinished
        }
        return try collector.upload()
    }

    /// Reads the rest of the body without keeping it, unless it is declared or grows past `discardLimit`.
    private func discard(_ chunks: inout RequestBody.AsyncIterator, from received: Int, declaredLength: Int?) async throws {
        if let declaredLength, declaredLength > discardLimit { return }
        var received = received
        while received <= discardLimit, let chunk = try await chunks.next() { received += chunk.readableBytes }
    }
}

/// Gathers the parser's events into parts; one read's worth, never shared.
private final class PartCollector {
    struct Part {
        var headers: [(name: String, value: String)] = []
        var body: [UInt8] = []

        var disposition: FormDataDisposition? {
            headers.first { $0.name.lowercased() == "content-disposition" }.flatMap { FormDataDisposition($0.value) }
        }
    }

    var parts: [Part] = []
    private var current = Part()
    private var started = false

    var isBetweenParts: Bool { !started }

    func header(_ name: String, _ value: String) {
        current.headers.append((name, value))
        started = true
    }

    func body(_ buffer: inout ByteBuffer) {
        current.body.append(contentsOf: buffer.readableBytesView)
        started = true
    }

    func complete() {
        parts.append(current)
        current = Part()
        started = false
    }

    func upload() throws(UploadProblem) -> FormUpload {
        var upload = FormUpload()
        var seen: Set<String> = []
        for part in parts {
            guard let disposition = part.disposition else { throw .unnamedPart }
            guard seen.insert(disposition.name).inserted else { throw .duplicateField(disposition.name) }
            if let fileName = disposition.fileName {
                // No file chosen: browsers send the part with an empty file name and no content.
                if fileName.isEmpty && part.body.isEmpty { continue }
                let base = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? fileName
                upload.files[disposition.name] = FormUpload.File(fileName: base, bytes: part.body)
            } else {
                guard let text = String(validating: part.body, as: UTF8.self) else { throw .notText(disposition.name) }
                upload.fields[disposition.name] = text
            }
        }
        return upload
    }
}
