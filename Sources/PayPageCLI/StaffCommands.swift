import ArgumentParser
import Billing
import Foundation
import Operations
import StaffAccess
import Store

struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "Staff accounts for the console (stored in the ledger, never in Records/).",
        subcommands: [StaffAdd.self, StaffList.self, StaffPasswordCommand.self, StaffRemove.self, StaffTOTPCommand.self])
}

struct StaffAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a staff account.")

    @OptionGroup var options: WorkspaceOptions
    @OptionGroup var password: PasswordInput
    @Argument(help: "The name they sign in with (unique, ignoring case).") var name: String
    @Option(help: "owner (also manages settings and staff) or clerk.") var role: RoleArgument
    @Option(help: "The console's language for them: fr or en (default: the business's).") var language: LanguageArgument?

    func run() throws {
        try StaffRunner.run { () throws(StaffCommandError) in
            let staff = try StaffRunner.service(options)
            let secret = try password.read(for: name)
            let member = try StaffRunner.call { () throws(StaffError) in
                try staff.addAccount(name: name, role: role.role, language: language?.language ?? StaffRunner.defaultLanguage(options),
                                     password: secret)
            }
            Console.print("Added \(member.name) (\(member.role.rawValue), \(member.language.rawValue)).")
        }
    }
}

struct StaffList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List staff accounts, oldest first.")

    @OptionGroup var options: WorkspaceOptions
    @OptionGroup var output: JSONFlag

    func run() throws {
        try StaffRunner.run { () throws(StaffCommandError) in
            let staff = try StaffRunner.service(options)
            let accounts = try StaffRunner.call { () throws(StaffError) in try staff.accounts() }
            if output.json { return Console.json(accounts) }
            guard !accounts.isEmpty else { return Console.print("No staff accounts (add one with `paypage staff add`).") }
            let formatter = ISO8601DateFormatter()
            let rows = accounts.map { account in
                [account.member.name, account.member.role.rawValue, account.member.language.rawValue,
                 formatter.string(from: account.member.createdAt), "\(account.openSessions)",
                 account.lockedUntil.map { "locked until \(formatter.string(from: $0))" } ?? ""]
            }
            Console.print(TextTable(headers: ["name", "role", "language", "created", "sessions", "state"], rows: rows).render())
        }
    }
}

struct StaffPasswordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password", abstract: "Set a new password; clears a lock and ends that person's sessions.")

    @OptionGroup var options: WorkspaceOptions
    @OptionGroup var password: PasswordInput
    @Argument(help: "The staff member's name.") var name: String

    func run() throws {
        try StaffRunner.run { () throws(StaffCommandError) in
            let staff = try StaffRunner.service(options)
            guard let member = try StaffRunner.call({ () throws(StaffError) in try staff.account(named: name) }) else {
                throw .staff(.unknownAccount(name: name))
            }
            let secret = try password.read(for: member.name)
            let ended = try StaffRunner.call { () throws(StaffError) in try staff.setPassword(named: name, to: secret) }
            Console.print("New password for \(member.name); \(ended) session\(ended == 1 ? "" : "s") ended.")
        }
    }
}

struct StaffRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a staff account and end its sessions (never the last owner).")

    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "The staff member's name.") var name: String

    func run() throws {
        try StaffRunner.run { () throws(StaffCommandError) in
            let staff = try StaffRunner.service(options)
            let ended = try StaffRunner.call { () throws(StaffError) in try staff.removeAccount(named: name) }
            Console.print("Removed \(name); \(ended) session\(ended == 1 ? "" : "s") ended.")
        }
    }
}

struct RoleArgument: ExpressibleByArgument {
    var role: StaffRole
    init?(argument: String) {
        guard let role = StaffRole(rawValue: argument) else { return nil }
        self.role = role
    }
    static var allValueStrings: [String] { StaffRole.allCases.map(\.rawValue) }
}

struct LanguageArgument: ExpressibleByArgument {
    var language: Language
    init?(argument: String) {
        guard let language = Language(rawValue: argument) else { return nil }
        self.language = language
    }
    static var allValueStrings: [String] { Language.allCases.map(\.rawValue) }
}
