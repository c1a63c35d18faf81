/// Failures found by the command line itself (its flags, files it was pointed at, tools it
/// runs), worded for the person at the terminal.
enum CLIError: Error, Sendable {
    /// A flag or argument is wrong (exit 64).
    case usage(String)
    /// Something named on the command line is missing (exit 65).
    case notFound(String)
    /// Something this needs is missing (a port taken, Chromium not installed): exit 69.
    case unavailable(String)
    /// Anything else that failed (exit 1).
    case failed(String)
}
