import ArgumentParser
import Foundation
import Generator
import Importing
import Operations
import PreviewServer
import StaffAccess

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, then serve Output/ with the checkout simulator; rebuild and reload pages on every change.",
        discussion: "Staff pages (/staff/) and the gallery (/gallery/) are served only on a loopback address. Ctrl+C stops.")

    @OptionGroup var options: WorkspaceOptions
    @Option(help: "The port.") var port: Int = 8080
    @Option(help: "The address to bind (loopback by default).") var host: String = "127.0.0.1"
    @Option(help: "Preview every request with this theme.") var theme: String?
    @Flag(help: "Do not watch files or reload open pages.") var noReload = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        try await CommandRunner.run { () async throws in
            try options.requireWorkspace()
            let site = try PreviewSite(paths: options.paths, options: BuildOptions(themeOverride: theme))
            let first = try site.publisher.publish(wait: 30)
            Console.print(first.build.description)
            let language: SiteLanguage = (try site.service().businesses.main.defaultLanguage) == .fr ? .fr : .en
            let configuration = PreviewServerConfiguration(host: host, port: port, outputDirectory: options.paths.output,
                                                           defaultLanguage: language, liveReload: !noReload)
            let staff = StaffService(ledger: site.ledger)
            // Off loopback, the console must be behind a password: no account, no start.
            if !configuration.servesPrivatePages, !((try? staff.hasAccounts()) ?? false) {
                throw CLIError.usage("--host \(host) is not loopback and no staff account exists: add one with `paypage staff add NAME --role owner` first")
            }
            let server = site.server(configuration)
            let ledgerWatch = Task { await site.watchLedger(hub: server.hub) }
            defer { ledgerWatch.cancel() }
            let inbox = Task { await InboxWatcher(folder: DropFolder(paths: options.paths)).run { Console.print(InboxLine.describe($0)) } }
            defer { inbox.cancel() }
            try await server.run { running in
                Console.print("""
                Serving \(running.baseURL)/
                  gallery: \(running.baseURL)/gallery/   (every request × state × language)
                  staff:   \(running.baseURL)/staff/
                  inbox:   exports saved into Records/inbox/ are imported
                \(noReload ? "" : "Live reload is on: edit Themes/ or Records/ and open pages refresh.\n")Press Ctrl+C to stop.
                """)
                // A one-time sign-in link for the first owner, on loopback only (like Jupyter's token URL).
                if configuration.servesPrivatePages, let link = try? staff.issueSignInLink() {
                    Console.print("  sign in: \(running.baseURL)/staff/sign-in/link?token=\(link.token)   (once, within 10 minutes, as \(link.ownerName))")
                }
            }
            Console.print("Stopped.")
        }
    }
}
