#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A child process, its exit status, output and peak resident memory.
///
/// The peak comes from GNU time (`/usr/bin/time -f %M`) when it is installed: Linux records the
/// pre-`exec` memory of a `posix_spawn`ed child (which is the benchmark's own, shared through
/// `vfork`) in its `ru_maxrss`, so `wait4` reports at least the benchmark's size. GNU time
/// forks from its own small image. Without it, `wait4`'s figure is used (an upper bound).
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

    /// Finds a program on PATH (and in the sbin folders, where Debian puts nginx).
    public static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin", "/usr/local/sbin"] {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs to completion; stdout and stderr go to temporary files, read back afterwards.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> ChildRun {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("paypage-bench-child-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let outPath = scratch.path + ".out", errPath = scratch.path + ".err"
        let rssPath = scratch.path + ".rss"
        defer { unlink(outPath); unlink(errPath); unlink(rssPath) }
        let time = "/usr/bin/time"
        let timed = FileManager.default.isExecutableFile(atPath: time)
        let start = DispatchTime.now().uptimeNanoseconds
        let pid = timed
            ? try spawn(time, ["-f", "%M", "-o", rssPath, executable] + arguments, environment: environment, stdout: outPath, stderr: errPath)
            : try spawn(executable, arguments, environment: environment, stdout: outPath, stderr: errPath)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchError("wait4 failed: \(String(cString: strerror(errno)))") }
        }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exit: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        // GNU time's file: "Command exited with non-zero status N" first when it failed, then the peak in KB.
        let measured = (try? String(contentsOfFile: rssPath, encoding: .utf8))?
            .split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        return ChildRun(status: exit, wall: wall, peakRSS: (measured ?? Int(usage.ru_maxrss)) * 1024, stdout: out, stderr: err)
    }

    /// Starts a long-running child (a server); stop it with `stop(pid)`.
    public static func start(_ executable: String, _ arguments: [String], log: String) throws -> pid_t {
        try spawn(executable, arguments, environment: nil, stdout: log, stderr: log)
    }

    /// SIGTERM, then SIGKILL after `grace` seconds; reaps the child.
    public static func stop(_ pid: pid_t, grace: Double = 3) {
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        var status: Int32 = 0
        while Date() < deadline {
            if waitpid(pid, &status, WNOHANG) == pid { return }
            usleep(20_000)
        }
        kill(pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
    }

    private static func spawn(_ executable: String, _ arguments: [String], environment: [String: String]?,
                              stdout: String, stderr: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if stderr == stdout {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard rc == 0 else { throw BenchError("cannot start \(executable): \(String(cString: strerror(rc)))") }
        return pid
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
