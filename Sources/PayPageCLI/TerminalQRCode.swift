import Foundation
import Subprocess
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A QR code drawn in the terminal by Debian's `qrencode`, when it is installed. The text goes
/// in on standard input, never as an argument (arguments show in `ps`).
enum TerminalQRCode {
    /// What to say when `qrencode` is missing.
    static let hint = "(no QR code: install Debian's qrencode, `apt-get install qrencode`, to see one here)"

    /// The code as text lines, or nil when `qrencode` is missing or fails.
    static func render(_ text: String) async -> String? {
        let type = isatty(STDOUT_FILENO) == 1 ? "ANSIUTF8" : "UTF8"
        do {
            let result = try await Subprocess.run(.name("qrencode"), arguments: ["-t", type, "-m", "2"], input: .string(text),
                                                  output: .string(limit: 1 << 20), error: .discarded)
            let drawn: String? = result.standardOutput
            guard case .exited(0) = result.terminationStatus, let drawn, !drawn.isEmpty else { return nil }
            return drawn
        } catch {
            return nil
        }
    }
}
