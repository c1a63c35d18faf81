import ArgumentParser
import Foundation
import Operations

/// The only place that prints `error: …` and picks the exit code (DESIGN.md: 64 usage,
/// 65 bad data, 69 unavailable, 75 busy, 1 other failures).
enum CommandRunner {
    static func run(_ body: () throws(OperationError) -> Void) throws {
        do {
            try body()
        } catch {
            Console.error(error.description)
            throw ExitCode(error.exitCode)
        }
    }

    static func run(_ body: () async throws(OperationError) -> Void) async throws {
        do {
            try await body()
        } catch {
            Console.error(error.description)
            throw ExitCode(error.exitCode)
        }
    }
}

/// Standard output and error, so commands never mix them.
enum Console {
    /// Flushed at once: `serve` prints its address while it keeps running, maybe into a pipe.
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            FileHandle.standardError.write(Data("error: \(line)\n".utf8))
        }
    }

    static func warn(_ text: String) { FileHandle.standardError.write(Data("warning: \(text)\n".utf8)) }

    static func json(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        if let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) { print(text) }
    }
}
