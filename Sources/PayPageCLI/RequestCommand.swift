import ArgumentParser
import Billing
import Foundation
import Operations

struct RequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request", abstract: "Create, list, show and resend payment requests.",
        subcommands: [RequestNew.self, RequestList.self, RequestShow.self, RequestSend.self])
}

struct RequestNew: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create a payment request and text its secure link.",
        discussion: "A quick payment needs --amount; a payment with invoice gives --invoice FILE (a JSON file with \"lines\").")

    @OptionGroup var options: WorkspaceOptions
    @OptionGroup var output: JSONFlag
    @Option(help: "The customer's name.") var customer: String
    @Option(help: "The customer's mobile phone (North American numbers may omit +1).") var phone: String
    @Option(help: "The invoice or reference number (A–Z a–z 0–9 . _ -, at most 64).") var reference: String
    @Option(help: "The amount, e.g. 125.00 (required unless --invoice gives the lines).") var amount: String?
    @Option(help: ArgumentHelp("A JSON file with the invoice lines, notes and dates.", valueName: "FILE")) var invoice: String?
    @Option(help: "The customer's language: fr or en (default: the business's).") var language: String?
    @Option(help: "The customer's email, printed on the receipt.") var email: String?
    @Option(help: "The business key (a file stem in Records/businesses/); default: Records/business.json.") var business: String?
    @Option(help: "The saved reply to text (see Records/replies.json); default: the built-in text.") var reply: String?
    @Flag(help: "Do not text the link (copy it instead).") var noSend = false

    func validate() throws {
        if amount == nil && invoice == nil { throw ValidationError("--amount is required (or --invoice FILE with the lines)") }
    }

    func run() throws {
        try CommandRunner.run { () throws in
            let service = try options.service()
            let created = try service.create(NewRequest(
                reference: reference, customerName: customer, phone: phone, email: email, language: language, amount: amount,
                invoiceFile: invoice.map { URL(fileURLWithPath: $0) }, business: business, reply: reply, send: !noSend))
            SiteRefresh(options: options).afterChange([created.reference.value])
            if output.json {
                Console.json(Created(reference: created.reference.value, link: created.link, amount: created.amount.decimalString,
                                     currency: created.amount.currency.code, text: created.message.text,
                                     segments: created.message.segments.segments, encoding: created.message.segments.encoding.rawValue,
                                     queued: created.outcome?.wasQueued ?? false))
                return
            }
            Console.print("Created \(created.reference) for \(MoneyFormat.plain(created.amount)).")
            Console.print("Link: \(created.link)")
            Console.print("Text (\(SegmentText.describe(created.message.segments))):\n  \(created.message.text)")
            switch created.outcome {
            case nil: Console.print("Not sent (--no-send): copy the link above.")
            case .optedOut?: Console.warn("\(phone) opted out of text messages: nothing was sent; copy the link instead.")
            case .queued(let id, _)?: Console.print("Queued in the outbox as message #\(id).")
            }
        }
    }
}

/// `request new --json`.
struct Created: Encodable {
    var reference, link, amount, currency, text: String
    var segments: Int
    var encoding: String
    var queued: Bool
}

struct RequestList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List requests, newest first.")

    @OptionGroup var options: WorkspaceOptions
    @OptionGroup var output: JSONFlag
    @Option(help: "Only this status: open, paid, partially_refunded, refunded, voided.") var status: RequestStatus?
    @Option(help: ArgumentHelp("Only this customer (part of the name, or the phone).", valueName: "NAME_OR_PHONE")) var customer: String?
    @Flag(help: "Print CSV.") var csv = false

    func run() throws {
        try CommandRunner.run { () throws in
            let rows = try options.service().list(status: status, customer: customer)
            if output.json { return Console.json(rows) }
            let headers = ["reference", "status", "amount", "due", "refundable", "customer", "phone", "business", "link"]
            let cells = rows.map { [$0.reference, $0.status.rawValue, $0.amount.decimalString, $0.amountDue.decimalString,
                                    $0.refundable.decimalString, $0.customerName, $0.customerPhone.e164, $0.business, $0.link] }
            if csv {
                Console.print(([headers] + cells).map { $0.map(CSV.field).joined(separator: ",") }.joined(separator: "\n"))
            } else if rows.isEmpty {
                Console.print("No requests\(status.map { " with status \($0.rawValue)" } ?? "")\(customer.map { " for \"\($0)\"" } ?? "").")
            } else {
                Console.print(TextTable(headers: Array(headers.prefix(7)), rows: cells.map { Array($0.prefix(7)) }).render())
            }
        }
    }
}

extension RequestStatus: ExpressibleByArgument {}

struct RequestShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a request: status, amounts, link, history.")

    @OptionGroup var options: WorkspaceOptions
    @OptionGroup var output: JSONFlag
    @Argument(help: "The reference.") var reference: String

    func run() throws {
        try CommandRunner.run { () throws in
            let o = try options.service().overview(reference)
            if output.json { return Console.json(o) }
            Console.print("""
            \(o.reference) — \(o.business)
            Customer:   \(o.customerName) \(o.customerPhone)
            Status:     \(o.status.rawValue)
            Amount:     \(MoneyFormat.plain(o.amount))
            Amount due: \(MoneyFormat.plain(o.amountDue))
            Refundable: \(MoneyFormat.plain(o.refundable))
            Link:       \(o.link)
            History:
            """)
            let formatter = ISO8601DateFormatter()
            for line in o.history { Console.print("  \(formatter.string(from: line.at))  \(line.text)\(line.by.map { " — \($0)" } ?? "")") }
        }
    }
}

struct RequestSend: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "send", abstract: "Text the payment link again.")

    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "The reference.") var reference: String
    @Option(help: "The saved reply to use; default: the built-in text.") var reply: String?

    func run() throws {
        try CommandRunner.run { () throws in
            let (message, outcome) = try options.service().sendLink(reference, reply: reply)
            SiteRefresh(options: options).afterChange([reference])
            if case .queued(let id, _) = outcome { Console.print("Queued as message #\(id) (\(SegmentText.describe(message.segments))):\n  \(message.text)") }
        }
    }
}

enum CSV {
    static func field(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"\(text.replacingOccurrences(of: "\"", with: "\"\""))\"" : text
    }
}
