import ArgumentParser
import Billing
import Deposits
import Foundation
import Operations

struct DepositsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deposits", abstract: "List deposits per business and business day; show one deposit's lines.",
        discussion: """
        A payment settles on its local date plus the business's settlement delay in business days; a refund
        counts on its day, or the next business day. Each business day: payments − refunds − fees + fees
        returned, less any shortfall carried in, is the deposit when above zero; otherwise there is no deposit
        and the shortfall carries. Cash, cheque and e-transfer payments are never in a deposit. Days before
        today are final and numbered; today and later are expected.
        """,
        subcommands: [DepositsList.self, DepositsShow.self], defaultSubcommand: DepositsList.self)
}

/// `--csv`, `--json` and `--csv-separator`, shared by list and show.
struct DepositsFormat: ParsableArguments {
    @Flag(help: "Print CSV: UTF-8 with a byte-order mark, one header row, amounts as plain decimals.") var csv = false
    @Flag(help: "Print JSON.") var json = false
    @Option(name: .customLong("csv-separator"),
            help: "The CSV separator: , (default) or ; for French-Canadian spreadsheets (amounts then have a decimal comma).")
    var csvSeparator: String = ","

    /// The CSV separator, once the options are known to fit together.
    func separator() throws(DepositError) -> Character {
        guard !(csv && json) else { throw .conflictingFormats }
        guard csvSeparator == "," || csvSeparator == ";" else { throw .invalidSeparator(csvSeparator) }
        return Character(csvSeparator)
    }
}

struct DepositsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Each business day with a deposit, none (shortfall carried), or one expected.")

    @OptionGroup var options: WorkspaceOptions
    @OptionGroup var format: DepositsFormat
    @Option(help: "Only this business: main (Records/business.json) or a file stem in Records/businesses/.") var business: String?
    @Option(help: ArgumentHelp("From this day, inclusive.", valueName: "YYYY-MM-DD")) var from: String?
    @Option(help: ArgumentHelp("To this day, inclusive.", valueName: "YYYY-MM-DD")) var to: String?

    func run() throws {
        try DepositsRunner.run {
            let separator = try format.separator()
            let first = try DepositsRunner.date(from, option: "--from")
            let last = try DepositsRunner.date(to, option: "--to")
            if let first, let last, first > last { throw DepositError.emptyRange(from: first, to: last) }
            let book = try DepositsRunner.book(options)
            let keys = business.map { [$0] } ?? book.businesses.keys
            var days: [DepositDay] = []
            for key in keys { days += try book.days(business: key, from: first, to: last) }
            if format.json { return Console.json(days.map { DepositJSON($0, lines: false) }) }
            if format.csv { return Console.print(DepositsOutput.csv(days, separator: separator)) }
            Console.print(DepositsOutput.table(days, keys: keys, businesses: book.businesses))
        }
    }
}

struct DepositsShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "The lines of one deposit, to reconcile with the bank statement.")

    @OptionGroup var options: WorkspaceOptions
    @OptionGroup var format: DepositsFormat
    @Argument(help: ArgumentHelp("KEY-N (e.g. main-3), N when there is one business, or a day as KEY-YYYY-MM-DD.",
                                 valueName: "deposit"))
    var deposit: String

    func run() throws {
        try DepositsRunner.run {
            let separator = try format.separator()
            let book = try DepositsRunner.book(options)
            let day = try book.find(deposit)
            if format.json { return Console.json(DepositJSON(day, lines: true)) }
            if format.csv { return Console.print(DepositsOutput.linesCSV(day, separator: separator)) }
            Console.print(DepositsOutput.detail(day, business: book.businesses.all[day.businessKey]))
        }
    }
}

/// Opens the deposit book of a workspace.
enum DepositsRunner {
    static func run(_ body: () throws -> Void) throws { try CommandRunner.run(body) }

    static func book(_ options: WorkspaceOptions) throws -> DepositBook {
        let service = try options.service()
        return DepositBook(ledger: service.ledger, businesses: service.businesses)
    }

    static func date(_ text: String?, option: String) throws(DepositError) -> CalendarDate? {
        guard let text else { return nil }
        guard let date = CalendarDate(iso: text) else { throw .invalidDate(option: option, text: text) }
        return date
    }
}
