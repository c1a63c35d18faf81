import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A child process for synchronous tests, started with `posix_spawn`, its output read while it
/// runs.
///
/// Not Foundation's `Process`: on Linux its `run()` copies whole 256-byte `d_name` fields of
/// `/proc/self/fd` entries, now and then reads past the end of the directory buffer, and
/// crashes the test run (swift-corelibs-foundation#5472; seen here in CI). Not swift-subprocess:
/// it is async only, and these tests start, signal and wait for processes from plain threads.
package final class SpawnedProcess: Sendable {
    package struct Result: Sendable {
        /// The exit code, or the signal's number when `signaled`.
        package var status: Int32
        package var signaled: Bool
        package var stdout: Data
        package var stderr: Data
        package var timedOut: Bool

        package var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        package var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    package struct SpawnError: Error, CustomStringConvertible {
        package var executable: String
        package var code: Int32
        package var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
    }

    package let pid: pid_t
    private let output: PipeReader
    private let errors: PipeReader
    /// The raw wait status, once the child has been reaped.
    private let ended = Mutex<Int32?>(nil)

    /// Starts `executable ARGUMENTS` in `directory`, with `input` on its standard input (the null
    /// device when nil). When `mergeErrors`, standard error goes to standard output too.
    package init(_ executable: String, _ arguments: [String], directory: String? = nil, environment: [String: String]? = nil,
                 input: Data? = nil, mergeErrors: Bool = false) throws {
        let out = try Pipe(), err = try Pipe(), stdin = try Pipe()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if input != nil {
            posix_spawn_file_actions_adddup2(&actions, stdin.read, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, out.write, 1)
        posix_spawn_file_actions_adddup2(&actions, mergeErrors ? out.write : err.write, 2)
        guard let closeFrom = GNU.closeFrom, let changeDirectory = GNU.changeDirectory else {
            throw SpawnError(executable: executable, code: ENOSYS)
        }
        // Nothing else the test process holds open reaches the child: another test's pipe end
        // held by it would keep that test waiting for an end of file.
        _ = closeFrom(&actions, 3)
        if let directory { _ = changeDirectory(&actions, directory) }

        let pairs = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = pairs.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let code = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        for fd in [out.write, err.write, stdin.read] { close(fd) }
        guard code == 0 else {
            for fd in [out.read, err.read, stdin.write] { close(fd) }
            throw SpawnError(executable: executable, code: code)
        }
        self.pid = pid
        output = PipeReader(out.read)
        errors = PipeReader(err.read)
        if let input {
            _ = input.withUnsafeBytes { bytes in write(stdin.write, bytes.baseAddress, bytes.count) }
        }
        close(stdin.write)
    }

    /// Runs to the end; past `timeout` the child gets `timeoutSignal`, then SIGKILL 10 s later.
    package static func run(_ executable: String, _ arguments: [String], directory: String? = nil,
                            environment: [String: String]? = nil, input: Data? = nil, mergeErrors: Bool = false,
                            timeout: TimeInterval, timeoutSignal: Int32 = SIGTERM) throws -> Result {
        try SpawnedProcess(executable, arguments, directory: directory, environment: environment, input: input, mergeErrors: mergeErrors)
            .wait(timeout: timeout, timeoutSignal: timeoutSignal)
    }

    package var isRunning: Bool { reap(blocking: false) == nil }
    /// What the child has written to standard output so far.
    package var stdoutSoFar: Data { output.soFar }
    package var stderrSoFar: Data { errors.soFar }

    package func signal(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// Waits for the exit and for both pipes to close.
    package func wait(timeout: TimeInterval, timeoutSignal: Int32 = SIGTERM) -> Result {
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while isRunning {
            if Date() >= deadline {
                timedOut = true
                kill(pid, timeoutSignal)
                let grace = Date().addingTimeInterval(10)
                while isRunning && Date() < grace { usleep(5_000) }
                if isRunning { kill(pid, SIGKILL) }
                break
            }
            usleep(2_000)
        }
        let status = reap(blocking: true) ?? 0
        let signaled = status & 0x7f != 0
        return Result(status: signaled ? status & 0x7f : (status >> 8) & 0xff, signaled: signaled,
                      stdout: output.finish(), stderr: errors.finish(), timedOut: timedOut)
    }

    /// The wait status once the child has ended (reaping it the first time), else nil.
    private func reap(blocking: Bool) -> Int32? {
        ended.withLock { ended in
            if let ended { return ended }
            var status: Int32 = 0
            if waitpid(pid, &status, blocking ? 0 : WNOHANG) == pid { ended = status }
            return ended
        }
    }

    /// A pipe whose ends close on exec; the child gets its copies through `dup2`.
    private struct Pipe {
        let read: Int32
        let write: Int32

        init() throws {
            var fds: [Int32] = [0, 0]
            guard let pipe2 = GNU.pipe2, pipe2(&fds, O_CLOEXEC) == 0 else { throw SpawnError(executable: "pipe", code: errno) }
            read = fds[0]
            write = fds[1]
        }
    }

    /// glibc's GNU extensions (2.29, 2.34), which Swift's Glibc module leaves out without
    /// `_GNU_SOURCE`: looked up by name.
    private enum GNU {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        typealias ChangeDirectory = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
        typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32

        static var closeFrom: CloseFrom? { symbol("posix_spawn_file_actions_addclosefrom_np") }
        static var changeDirectory: ChangeDirectory? { symbol("posix_spawn_file_actions_addchdir_np") }
        static var pipe2: Pipe2? { symbol("pipe2") }

        private static func symbol<Function>(_ name: String) -> Function? {
            guard let address = dlsym(nil, name) else { return nil }
            return unsafeBitCast(address, to: Function.self)
        }
    }
}

/// Reads one pipe to its end on a thread of its own, so a full pipe never blocks the child.
private final class PipeReader: Sendable {
    private let done = DispatchGroup()
    private let data = Mutex(Data())

    init(_ fd: Int32) {
        done.enter()
        DispatchQueue.global().async { [self] in
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    data.withLock { $0.append(contentsOf: buffer[..<count]) }
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            close(fd)
            done.leave()
        }
    }

    var soFar: Data { data.withLock { $0 } }

    /// Everything, once the pipe is closed (a grandchild holding it open is given 10 s).
    func finish() -> Data {
        _ = done.wait(timeout: .now() + 10)
        return soFar
    }
}
