import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a new password comes from: one line of standard input (`--password-stdin`), or
/// asked twice on the terminal without echo. Never a command-line argument (it would show in
/// `ps` and in the shell's history).
struct PasswordInput: ParsableArguments {
    @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

    func read(for name: String) throws(StaffCommandError) -> String {
        if passwordStdin {
            var line = readLine(strippingNewline: true) ?? ""
            if line.hasSuffix("\r") { line.removeLast() }
            return line
        }
        guard isatty(STDIN_FILENO) == 1 else { throw .noPasswordInput }
        let first = Self.ask("Password for \(name): ")
        let second = Self.ask("Again: ")
        guard first == second else { throw .passwordsDiffer }
        return first
    }

    /// Asks on standard error with echo off, restoring the terminal afterwards.
    static func ask(_ prompt: String) -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        let haveTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
        if haveTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        }
        let line = readLine(strippingNewline: true) ?? ""
        if haveTerminal { _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
        FileHandle.standardError.write(Data("\n".utf8))
        return line
    }
}
