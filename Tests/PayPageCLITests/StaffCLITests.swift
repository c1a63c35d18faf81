import Foundation
import Testing

@Suite("paypage staff", .enabled(if: CLI.isAvailable, "paypage binary not built: run `swift build`"))
struct StaffCLITests {
    @Test func addListChangeAndRemove() throws {
        let ws = try CLIWorkspace()
        let added = try ws.run(["staff", "add", "Marie", "--role", "owner", "--password-stdin"], input: "correct horse\n")
        #expect(added.status == 0, "\(added)")
        #expect(added.stdout.contains("Added Marie (owner, fr)"), "\(added)")  // the business's language
        let clerk = try ws.run(["staff", "add", "Jean", "--role", "clerk", "--language", "en", "--password-stdin"], input: "battery staple\r\n")
        #expect(clerk.status == 0, "\(clerk)")

        let list = try ws.run(["staff", "list"])
        #expect(list.status == 0, "\(list)")
        let lines = list.stdout.split(separator: "\n")
        #expect(lines.count == 4, "\(list)")
        #expect(lines[2].hasPrefix("Marie") && lines[2].contains("owner") && lines[3].contains("clerk") && lines[3].contains("en"), "\(list)")

        let json = try ws.run(["staff", "list", "--json"])
        let accounts = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(accounts?.count == 2, "\(json)")
        #expect(!json.stdout.contains("$2b$"), "a hash must never be printed")

        let password = try ws.run(["staff", "password", "jean", "--password-stdin"], input: "another secret\n")
        #expect(password.status == 0, "\(password)")
        #expect(password.stdout.contains("New password for Jean; 0 sessions ended."), "\(password)")

        let removed = try ws.run(["staff", "remove", "JEAN"])
        #expect(removed.status == 0, "\(removed)")
        #expect(try ws.run(["staff", "list", "--json"]).stdout.contains("Jean") == false)
    }

    @Test("refusals: one line and the right exit code", arguments: [
        (["staff", "add", "Marie", "--role", "clerk", "--password-stdin"], "short\n", Int32(64), "password: 5 bytes, at least 8 are needed"),
        (["staff", "add", "Ma/rie", "--role", "clerk", "--password-stdin"], "long enough\n", 64, "name:"),
        (["staff", "add", "MARIE", "--role", "clerk", "--password-stdin"], "long enough\n", 65, "already exists"),
        (["staff", "add", "Luc", "--role", "boss", "--password-stdin"], "long enough\n", 64, "role"),
        (["staff", "remove", "Marie"], nil, 65, "Marie is the last owner"),
        (["staff", "remove", "Nobody"], nil, 65, "no staff account named \"Nobody\""),
        (["staff", "password", "Nobody", "--password-stdin"], "long enough\n", 65, "no staff account named \"Nobody\""),
        // Standard input is not a terminal and --password-stdin is missing: nothing to ask.
        (["staff", "add", "Luc", "--role", "clerk"], nil, 64, "--password-stdin"),
    ] as [([String], String?, Int32, String)])
    func refusals(_ arguments: [String], _ input: String?, _ status: Int32, _ message: String) throws {
        let ws = try CLIWorkspace()
        #expect(try ws.run(["staff", "add", "Marie", "--role", "owner", "--password-stdin"], input: "correct horse\n").status == 0)
        let output = try ws.run(arguments, input: input)
        #expect(output.status == status, "\(output)")
        #expect(output.stderr.contains(message), "\(output)")
        #expect(output.stderr.split(separator: "\n").count >= 1)
        #expect(try ws.run(["staff", "list", "--json"]).stdout.components(separatedBy: "\"name\"").count == 2, "nothing changed")
    }

    @Test func demoAddsTheOwnerDemoOnceAndKeepsEveryAccount() throws {
        let ws = try CLIWorkspace(invoices: true)
        try ws.copyThemes()
        let first = try ws.run(["demo"])
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout.contains("Added the owner demo"), "\(first)")
        #expect(try ws.run(["staff", "add", "Marie", "--role", "clerk", "--password-stdin"], input: "correct horse\n").status == 0)
        let second = try ws.run(["demo"])
        #expect(second.status == 0, "\(second)")
        #expect(!second.stdout.contains("Added the owner"), "\(second)")
        let list = try ws.run(["staff", "list"]).stdout
        #expect(list.contains("demo") && list.contains("Marie"), "\(list)")
        // A rebuild keeps them too.
        #expect(try ws.run(["build"]).status == 0)
        #expect(try ws.run(["staff", "list"]).stdout == list)
    }

    @Test func demoAddsNoDemoOwnerWhenThereIsAnOwner() throws {
        let ws = try CLIWorkspace(invoices: true)
        #expect(try ws.run(["staff", "add", "Marie", "--role", "owner", "--password-stdin"], input: "correct horse\n").status == 0)
        let demo = try ws.run(["demo"])
        #expect(demo.status == 0, "\(demo)")
        #expect(!(try ws.run(["staff", "list"]).stdout.contains("demo")))
    }

    @Test func requestShowSaysWhoDidIt() throws {
        let ws = try CLIWorkspace()
        #expect(try ws.newRequest("RO-5001").status == 0)
        #expect(try ws.run(["mark-paid", "RO-5001", "--method", "cash"]).status == 0)
        let show = try ws.run(["request", "show", "RO-5001"])
        #expect(show.status == 0, "\(show)")
        let history = show.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") }
        #expect(history.count >= 2, "\(show)")
        #expect(history.allSatisfy { $0.hasSuffix("(command line)") }, "\(show)")
        let json = try ws.run(["request", "show", "RO-5001", "--json"])
        #expect(json.stdout.contains("\"by\" : \""), "\(json)")
    }
}

extension CLIWorkspace {
    /// The repository's themes, for commands that build pages.
    func copyThemes() throws {
        try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent("Themes"), to: root.appendingPathComponent("Themes"))
    }
}
