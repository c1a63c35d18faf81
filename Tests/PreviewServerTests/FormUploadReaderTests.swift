import Hummingbird
import NIOCore
import Synchronization
import Testing
@testable import PreviewServer

/// What the upload reader does with a body it refuses: a signed-in staff member's oversize file
/// is read to its end (within a bound) so the browser gets the "too large" page instead of a
/// stalled send; a stranger's body is left unread.
@Suite struct FormUploadReaderTests {
    static let boundary = "XyZ"
    static let chunkSize = 64 * 1024

    /// Chunks handed out one by one, counting how many were taken.
    struct CountingChunks: AsyncSequence, Sendable {
        final class Taken: Sendable { let count = Mutex(0) }
        let chunks: [ByteBuffer]
        let taken = Taken()

        struct AsyncIterator: AsyncIteratorProtocol {
            let chunks: [ByteBuffer]
            let taken: Taken
            mutating func next() async -> ByteBuffer? {
                taken.count.withLock { index in
                    guard index < chunks.count else { return nil }
                    index += 1
                    return chunks[index - 1]
                }
            }
        }

        func makeAsyncIterator() -> AsyncIterator { AsyncIterator(chunks: chunks, taken: taken) }
        var allTaken: Bool { taken.count.withLock { $0 } == chunks.count }
    }

    static func body(token: String, fileSize: Int) -> CountingChunks {
        var bytes = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(token)\r\n".utf8)
        bytes += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n\r\n".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "a"), count: fileSize)
        bytes += Array("\r\n--\(boundary)--\r\n".utf8)
        let chunks = stride(from: 0, to: bytes.count, by: chunkSize).map { ByteBuffer(bytes: bytes[$0..<min($0 + chunkSize, bytes.count)]) }
        return CountingChunks(chunks: chunks)
    }

    static let reader = FormUploadReader(contentType: "multipart/form-data; boundary=\(boundary)", smallLimit: 64 * 1024, largeLimit: 5 * 1024 * 1024)!

    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var token: String
        var declared: Int?
        var problem: UploadProblem
        var readToTheEnd: Bool
        var testDescription: String { label }
    }

    static let size = 6 * 1024 * 1024
    static let cases: [Case] = [
        Case(label: "staff, chunked: read to the end, then 413", token: "right", declared: nil,
             problem: .tooLarge(limit: 5 * 1024 * 1024), readToTheEnd: true),
        Case(label: "staff, length declared: read to the end, then 413", token: "right", declared: size + 200,
             problem: .tooLarge(limit: 5 * 1024 * 1024), readToTheEnd: true),
        Case(label: "staff, declared past the discard bound: 413 unread", token: "right", declared: 40 * 1024 * 1024,
             problem: .tooLarge(limit: 5 * 1024 * 1024), readToTheEnd: false),
        Case(label: "a wrong token: 403 unread", token: "wrong", declared: nil, problem: .forbidden, readToTheEnd: false),
    ]

    @Test("a refused upload is read to its end only for a signed-in staff member, within a bound", arguments: cases)
    func refused(_ test: Case) async throws {
        let chunks = Self.body(token: test.token, fileSize: Self.size)
        await #expect(throws: test.problem) {
            _ = try await Self.reader.read(RequestBody(asyncSequence: chunks), declaredLength: test.declared, acceptsToken: { $0 == "right" })
        }
        #expect(chunks.allTaken == test.readToTheEnd)
    }
}
