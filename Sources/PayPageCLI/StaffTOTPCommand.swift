import ArgumentParser
import Foundation
import StaffAccess
import Store
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `paypage staff totp NAME`: sets up a second factor (TOTP) and shows it once; the first code
/// from the app turns it on (`--confirm CODE`, or asked on a terminal). `--reset` turns it off.
struct StaffTOTPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "totp",
        abstract: "Set up two-factor sign-in (an authenticator app's 6-digit codes), confirm it, or reset it.",
        discussion: """
        Without options: prints the otpauth:// URI, the base32 secret and (with Debian's qrencode) a QR code, then asks \
        for the app's first code on a terminal. Elsewhere, confirm with --confirm CODE. --reset turns the second factor \
        off and ends the person's sessions.
        """)

    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "The staff member's name.") var name: String
    @Option(help: "The app's current 6-digit code: turns the second factor on.") var confirm: String?
    @Flag(help: "Turn the second factor off (a lost phone) and end the person's sessions.") var reset = false

    func validate() throws {
        if reset && confirm != nil { throw ValidationError("--reset and --confirm cannot be used together") }
    }

    func run() async throws {
        try await CommandRunner.run { () async throws in
            do { try await perform() } catch StaffCommandError.workspace(let inner) { throw inner }
        }
    }

    private func perform() async throws {
        let staff = try StaffRunner.service(options)
        if reset {
            let ended = try StaffRunner.call { () throws(StaffError) in try staff.resetTOTP(named: name) }
            return Console.print("Second factor of \(name) reset: sign-in asks for the password only; \(ended) session\(ended == 1 ? "" : "s") ended.")
        }
        if let confirm { return try Self.confirm(staff, name, confirm) }
        let issuer = (try? RecordsReader(workspace: options.paths.root).loadBusinesses().main.companyName) ?? "PayPage"
        let enrolment = try StaffRunner.call { () throws(StaffError) in try staff.enrolTOTP(named: name, issuer: issuer) }
        Console.print("Second factor for \(enrolment.name): scan the QR code with an authenticator app, or type the secret in.")
        if let drawn = await TerminalQRCode.render(enrolment.uri) {
            Console.print(drawn)
        } else {
            Console.print(TerminalQRCode.hint)
        }
        Console.print("  URI:    \(enrolment.uri)\n  secret: \(enrolment.base32)")
        guard isatty(STDIN_FILENO) == 1 else {
            return Console.print("Then confirm with the app's first code: paypage staff totp \(Self.quoted(enrolment.name)) --confirm CODE")
        }
        FileHandle.standardError.write(Data("Code shown by the app: ".utf8))
        try Self.confirm(staff, enrolment.name, readLine(strippingNewline: true) ?? "")
    }

    static func confirm(_ staff: StaffService, _ name: String, _ code: String) throws {
        try StaffRunner.call { () throws(StaffError) in try staff.confirmTOTP(named: name, code: code) }
        Console.print("Second factor on for \(name): signing in now asks for a 6-digit code after the password.")
    }

    static func quoted(_ name: String) -> String {
        name.contains(where: { $0 == " " || $0 == "'" || $0 == "\u{2019}" }) ? "\"\(name)\"" : name
    }
}
