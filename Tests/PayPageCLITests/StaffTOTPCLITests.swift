import Foundation
import StaffAccess
import Testing

@Suite("paypage staff totp", .enabled(if: CLI.isAvailable, "paypage binary not built: run `swift build`"))
struct StaffTOTPCLITests {
    /// The base32 secret printed after `secret:`, read back into the secret's bytes.
    static func secret(_ output: String) -> TOTPSecret? {
        guard let line = output.split(separator: "\n").first(where: { $0.contains("secret: ") }) else { return nil }
        return TOTPSecret(base32: line.split(separator: " ").last.map(String.init) ?? "")
    }

    @Test func enrolConfirmAndReset() throws {
        let ws = try CLIWorkspace()
        #expect(try ws.run(["staff", "add", "Marie Tremblay", "--role", "owner", "--password-stdin"], input: "correct horse\n").status == 0)
        let enrolled = try ws.run(["staff", "totp", "marie tremblay"])
        #expect(enrolled.status == 0, "\(enrolled)")
        #expect(enrolled.stdout.contains("otpauth://totp/"), "\(enrolled)")
        #expect(enrolled.stdout.contains("paypage staff totp \"Marie Tremblay\" --confirm CODE"), "\(enrolled)")
        let drawn = enrolled.stdout.contains("\u{2588}") || enrolled.stdout.contains("\u{2580}") || enrolled.stdout.contains("\u{2584}")
        #expect(drawn || enrolled.stdout.contains("apt-get install qrencode"), "the QR code, or how to get one: \(enrolled)")
        let secret = try #require(Self.secret(enrolled.stdout), "\(enrolled)")
        #expect(secret.bytes.count == TOTPSecret.byteCount)

        let now = TOTPSecret.step(at: Date())
        let right = String(format: "%06d", secret.code(step: now))
        let wrong = [secret.code(step: now - 1), secret.code(step: now), secret.code(step: now + 1)].contains(0) ? "999999" : "000000"
        let refused = try ws.run(["staff", "totp", "Marie Tremblay", "--confirm", wrong])
        #expect(refused.status == 1 && refused.stderr.contains("code: not the current code"), "\(refused)")
        let confirmed = try ws.run(["staff", "totp", "Marie Tremblay", "--confirm", right])
        #expect(confirmed.status == 0 && confirmed.stdout.contains("Second factor on for Marie Tremblay"), "\(confirmed)")

        let list = try ws.run(["staff", "list", "--json"])
        #expect(list.stdout.contains("\"twoFactor\" : \"on\""), "\(list)")
        #expect(!list.stdout.contains(secret.base32), "the secret is shown once, never listed")

        let again = try ws.run(["staff", "totp", "Marie Tremblay"])
        #expect(again.status == 65 && again.stderr.contains("--reset"), "\(again)")
        let reset = try ws.run(["staff", "totp", "Marie Tremblay", "--reset"])
        #expect(reset.status == 0 && reset.stdout.contains("reset"), "\(reset)")
        let twice = try ws.run(["staff", "totp", "Marie Tremblay", "--reset"])
        #expect(twice.status == 65 && twice.stderr.contains("no second factor"), "\(twice)")
    }

    @Test("refusals", arguments: [
        (["staff", "totp", "Nobody"], Int32(65), "no staff account named \"Nobody\""),
        (["staff", "totp", "Marie", "--confirm", "123456"], 65, "no second factor"),
        (["staff", "totp", "Marie", "--reset", "--confirm", "123456"], 64, "cannot be used together"),
    ] as [([String], Int32, String)])
    func refusals(_ arguments: [String], _ status: Int32, _ message: String) throws {
        let ws = try CLIWorkspace()
        #expect(try ws.run(["staff", "add", "Marie", "--role", "owner", "--password-stdin"], input: "correct horse\n").status == 0)
        let output = try ws.run(arguments)
        #expect(output.status == status, "\(output)")
        #expect(output.stderr.contains(message), "\(output)")
    }
}
