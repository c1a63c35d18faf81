import ArgumentParser
import Foundation
import Operations

/// The only place that prints `error: …`; ``ErrorReport`` picks the words and the exit code.
enum CommandRunner {
    static func run(_ body: () throws -> Void) throws {
        do { try body() } catch { throw fail(error) }
    }

    static func run(_ body: () async throws -> Void) async throws {
        do { try await body() } catch { throw fail(error) }
    }

    private static func fail(_ error: any Error) -> ExitCode {
        if let exit = error as? ExitCode { return exit }
        let report = ErrorReport(error)
        Console.error(report.message)
        return ExitCode(report.exitCode)
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
