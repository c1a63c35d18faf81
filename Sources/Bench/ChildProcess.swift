#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Subprocess
import SystemPackage

/// A child process, its exit status, output and peak resident memory.
///
/// The peak comes from GNU time (`/usr/bin/time -f %M`) when it is installed: Linux records the
/// pre-`exec` memory of a spawned child (the benchmark's own, shared through `vfork`) in its
/// `ru_maxrss`. GNU time forks from its own small image. Without it, the largest `ru_maxrss` of
/// the benchmark's children so far is used (an upper bound).
public struct ChildRun: Sendable {
    public var status: Int32
    public var wall: Double
    /// Peak resident set size in bytes.
    public var peakRSS: Int
    public var stdout: String
    public var stderr: String
}

public enum ChildProcess {
    /// The running executable (`/proc/self/exe` on Linux).
    public static var currentExecutable: String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return CommandLine.arguments[0]
    }

    /// `paypage`, built next to this executable.
    public static var paypage: String {
        URL(fileURLWithPath: currentExecutable).deletingLastPathComponent().appendingPathComponent("paypage").path
    }

    /// Finds a program on PATH (and in the sbin folders, where Debian puts nginx).
    public static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin", "/usr/local/sbin"] {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static let outputLimit = 64 << 20

    /// Runs to completion, with standard input from /dev/null.
    public static func run(_ executable: String, _ arguments: [String]) async throws -> ChildRun {
        let rssPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("paypage-bench-rss-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        defer { unlink(rssPath) }
        let time = "/usr/bin/time"
        let timed = FileManager.default.isExecutableFile(atPath: time)
        let (program, argv) = timed ? (time, ["-f", "%M", "-o", rssPath, executable] + arguments) : (executable, arguments)
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try await Subprocess.run(.path(FilePath(program)), arguments: Arguments(argv),
                                              output: .string(limit: outputLimit), error: .string(limit: outputLimit))
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let status: Int32 = switch result.terminationStatus {
        case .exited(let code): code
        case .signaled(let signal): 128 + signal
        }
        // GNU time's file: "Command exited with non-zero status N" first when it failed, then the peak in KB.
        let measured = (try? String(contentsOfFile: rssPath, encoding: .utf8))?
            .split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        return ChildRun(status: status, wall: wall, peakRSS: (measured ?? childrenPeakKB) * 1024,
                        stdout: result.standardOutput, stderr: result.standardError)
    }

    /// The largest peak of any child reaped so far, in KB.
    private static var childrenPeakKB: Int {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return Int(usage.ru_maxrss)
    }

    /// Runs `body` while a long-running child (a server) runs with its output in `log`; then stops
    /// it: SIGTERM, and SIGKILL after `grace`.
    public static func whileRunning<T: Sendable>(_ executable: String, _ arguments: [String], log: String, grace: Duration = .seconds(3),
                                                 _ body: () async throws -> T) async throws -> T {
        let output = try FileDescriptor.open(FilePath(log), .writeOnly, options: [.create, .truncate],
                                             permissions: [.ownerReadWrite, .groupRead, .otherRead])
        var options = PlatformOptions()
        let stop: [TeardownStep] = [.gracefulShutDown(allowedDurationToNextStep: grace)]
        options.teardownSequence = stop  // also when `body` throws
        let result = try await Subprocess.run(.path(FilePath(executable)), arguments: Arguments(arguments), platformOptions: options,
                                              input: .none, output: .fileDescriptor(output, closeAfterSpawningProcess: true),
                                              error: .combinedWithOutput) { execution in
            let value = try await body()
            await execution.teardown(using: stop)
            return value
        }
        return result.closureResult
    }
}

/// Percentiles over a sample (nearest rank).
public enum Stats {
    public static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}

/// The benchmark's own peak resident memory (`VmHWM`).
public enum SelfMemory {
    public static var peakRSS: Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.filter(\.isNumber)
            return (Int(digits) ?? 0) * 1024
        }
        return 0
    }
}
