import ArgumentParser
import Billing
import Foundation
import Generator
import Operations
import Publishing
import PreviewServer
import Store

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build Output/: payment pages and receipts in French and English, staff pages, the gallery.",
        discussion: "Incremental: unchanged requests are skipped without being rendered; nothing changed writes nothing.")

    @OptionGroup var options: WorkspaceOptions
    @Option(help: "Build every request with this theme instead of each business's own.") var theme: String?
    @Flag(help: "Render everything again, ignoring the manifest of the last build.") var force = false
    @Flag(help: "Print each phase of the build with its time and count.") var verbose = false

    func run() throws {
        try CommandRunner.run { () throws in
            try options.requireWorkspace()
            let publisher = SitePublisher(paths: options.paths, options: BuildOptions(themeOverride: theme, force: force))
            let result = try publisher.publish()
            for problem in result.build.skipped { Console.warn(problem) }
            if !result.sync.registered.isEmpty { Console.print("registered \(result.sync.registered.count) new record(s) in the ledger") }
            if verbose { for phase in result.build.phases { Console.print(phase.description) } }
            Console.print(result.build.description)
        }
    }
}

/// Every command that changes the ledger rebuilds what it touched, so pages never lag.
struct SiteRefresh {
    let options: WorkspaceOptions

    func afterChange(_ references: [String]) {
        let refs = references.compactMap { try? Reference($0) }
        do {
            _ = try SitePublisher(paths: options.paths).publish(only: refs)
        } catch {
            Console.warn("the ledger changed but the pages were not rebuilt: \(error.description) (run `paypage build`)")
        }
    }
}

struct ReceiptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipt", abstract: "Print a paid request's receipt to PDF (headless Chromium), or show where it is.")

    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "The reference.") var reference: String
    @Option(help: "fr or en (default: the customer's language). A Quebec business's English receipt is bilingual.") var locale: String?
    @Option(help: ArgumentHelp("Write the receipt as a PDF here.", valueName: "FILE")) var pdf: String?

    func run() async throws {
        try await CommandRunner.run { () async throws in
            let service = try options.service()
            let details = try service.context(reference)
            guard details.state.status.wasPaid else {
                throw OperationError.notAllowed(reference: details.reference.value, .notAllowed(.printReceipt, .status(details.state.status)))
            }
            var language = details.invoice.customer.language ?? details.business.defaultLanguage
            if let locale {
                do throws(BillingError) { language = try Language(code: locale) } catch { throw CLIError.usage("--locale: \(error.description)") }
            }
            _ = try SitePublisher(paths: options.paths).publish(only: [details.reference])
            let page = options.paths.output.appendingPathComponent("public/p/\(details.row.token.value)/receipt/\(language.rawValue)/index.html")
            guard FileManager.default.fileExists(atPath: page.path) else { throw CLIError.notFound("\(page.path) was not built (run `paypage build`)") }
            guard let pdf else { return Console.print(page.path) }
            do throws(ChromiumPDF.Failure) {
                try await ChromiumPDF().print(page: page, to: URL(fileURLWithPath: pdf))
            } catch {
                if case .notInstalled = error { throw CLIError.unavailable(error.description) }
                throw CLIError.failed(error.description)
            }
            Console.print("Wrote \(pdf)")
        }
    }
}
