import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A child process run to its end with `posix_spawn`, its output read while it runs.
///
/// Not Foundation's `Process`: on Linux its `run()` copies whole 256-byte `d_name` fields of
/// `/proc/self/fd` entries and now and then reads past the end of the directory buffer and
/// crashes the test run (swift-corelibs-foundation#5472; seen here in CI). Not swift-subprocess:
/// it is async only, and every CLI test runs commands synchronously.
enum SpawnedProcess {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: Data
        var timedOut: Bool
    }

    struct SpawnError: Error, CustomStringConvertible {
        var executable: String
        var code: Int32
        var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
    }

    /// Runs `executable ARGUMENTS` in `directory`, with `input` on its standard input (the null
    /// device when nil). When `mergeErrors`, standard error goes to `stdout` too. Past `timeout`
    /// it is sent SIGTERM, then waited for.
    static func run(_ executable: String, _ arguments: [String], directory: String? = nil, environment: [String: String]? = nil,
                    input: Data? = nil, mergeErrors: Bool = false, timeout: TimeInterval) throws -> Result {
        let output = try Pipes(), errors = try Pipes(), stdin = try Pipes()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if input != nil {
            posix_spawn_file_actions_adddup2(&actions, stdin.read, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, output.write, 1)
        posix_spawn_file_actions_adddup2(&actions, mergeErrors ? output.write : errors.write, 2)
        // Nothing else the test process holds open reaches the child (another test's pipe end
        // held by it would keep that test waiting for an end of file).
        guard let closeFrom = GNU.closeFrom, let changeDirectory = GNU.changeDirectory else {
            throw SpawnError(executable: executable, code: ENOSYS)
        }
        _ = closeFrom(&actions, 3)
        if let directory { _ = changeDirectory(&actions, directory) }

        let environment = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let code = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        for fd in [output.write, errors.write, stdin.read] { close(fd) }
        guard code == 0 else {
            for fd in [output.read, errors.read, stdin.write] { close(fd) }
            throw SpawnError(executable: executable, code: code)
        }

        let readOut = Reader(output.read), readErr = Reader(errors.read)
        if let input {
            _ = input.withUnsafeBytes { bytes in write(stdin.write, bytes.baseAddress, bytes.count) }
        }
        close(stdin.write)
        var status: Int32 = 0
        var timedOut = false
        let deadline = Date().addingTimeInterval(timeout)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() >= deadline, !timedOut {
                timedOut = true
                kill(pid, SIGTERM)
                waitpid(pid, &status, 0)
                break
            }
            usleep(5_000)
        }
        let exited = status & 0x7f == 0
        return Result(status: exited ? (status >> 8) & 0xff : status & 0x7f,
                      stdout: readOut.finish(), stderr: readErr.finish(), timedOut: timedOut)
    }

    /// A pipe whose ends close on exec; the child gets its copies through `dup2`.
    private struct Pipes {
        let read: Int32
        let write: Int32

        init() throws {
            var fds: [Int32] = [0, 0]
            guard let pipe2 = GNU.pipe2, pipe2(&fds, O_CLOEXEC) == 0 else { throw SpawnError(executable: "pipe", code: errno) }
            read = fds[0]
            write = fds[1]
        }
    }

    /// glibc's GNU extensions (2.29 and 2.34), which Swift's Glibc module leaves out without
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

    /// Reads one pipe to its end on a thread of its own, so a full pipe never blocks the child.
    private final class Reader: Sendable {
        private let done = DispatchGroup()
        private let data = Mutex(Data())

        init(_ fd: Int32) {
            done.enter()
            DispatchQueue.global().async { [self] in
                let all = FileHandle(fileDescriptor: fd, closeOnDealloc: true).readDataToEndOfFile()
                data.withLock { $0 = all }
                done.leave()
            }
        }

        func finish() -> Data {
            done.wait()
            return data.withLock { $0 }
        }
    }
}
