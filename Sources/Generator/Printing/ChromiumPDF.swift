#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Subprocess
import SystemPackage

/// Prints an HTML page to PDF with headless Chromium (`--print-to-pdf`), the way a customer's
/// "Save as PDF" would. Chromium honours the page's `@page` size and margins.
public struct ChromiumPDF: Sendable {
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// No Chromium on this machine: the message is the one-line install command.
        case notInstalled
        case failed(status: Int32, output: String)

        public var description: String {
            switch self {
            case .notInstalled:
                "Chromium is not installed; install it with: apt-get install -y chromium"
            case let .failed(status, output):
                "Chromium failed (exit \(status)): \(output.split(separator: "\n").last.map(String.init) ?? "no output")"
            }
        }
    }

    /// Where Debian and others put it; `PAYPAGE_CHROMIUM` overrides.
    static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-headless-shell", "/usr/bin/chromium-browser",
                             "/usr/bin/google-chrome", "/usr/lib/chromium/chromium-headless-shell"]

    public let executable: String

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(Failure) {
        let fileManager = FileManager.default
        if let chosen = environment["PAYPAGE_CHROMIUM"], fileManager.isExecutableFile(atPath: chosen) {
            executable = chosen
        } else if let found = Self.candidates.first(where: fileManager.isExecutableFile(atPath:)) {
            executable = found
        } else {
            throw .notInstalled
        }
    }

    /// Prints `page` (a file) to `pdf`; the PDF is written to a temporary name and moved in place,
    /// so a failed print never leaves half a file.
    public func print(page: URL, to pdf: URL) async throws(Failure) {
        let temporary = pdf.deletingLastPathComponent().appendingPathComponent(".\(pdf.lastPathComponent).\(UUID().uuidString).tmp")
        var arguments = ["--headless", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(temporary.path)",
                         "--virtual-time-budget=2000", page.absoluteString]
        // Chromium refuses to run as root without it; the sandbox adds nothing for a local file.
        if getuid() == 0 { arguments.insert("--no-sandbox", at: 0) }
        let status: Int32
        let output: String
        do {
            let result = try await Subprocess.run(.path(FilePath(executable)), arguments: Arguments(arguments),
                                                  output: .string(limit: 4 << 20), error: .combinedWithOutput)
            output = result.standardOutput
            switch result.terminationStatus {
            case .exited(let code): status = code
            case .signaled(let signal): status = 128 + signal
            }
        } catch {
            throw .failed(status: -1, output: "\(error)")
        }
        guard status == 0, FileManager.default.fileExists(atPath: temporary.path) else {
            try? FileManager.default.removeItem(at: temporary)
            throw .failed(status: status, output: output)
        }
        // rename(2) replaces an existing PDF atomically. corelibs' `replaceItemAt` failed when the
        // file existed, after deleting it: printing the same receipt twice lost the first PDF.
        guard rename(temporary.path, pdf.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .failed(status: 0, output: "cannot write \(pdf.path): \(reason)")
        }
    }
}
