import ArgumentParser
import Billing
import Foundation
import Messaging
import Operations
import Store

struct MessageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "message", abstract: "Text messages.",
                                                    subcommands: [MessageTest.self, MessageReceive.self])
}

struct MessageTest: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "test", abstract: "Text a test message to any number.")

    @OptionGroup var options: WorkspaceOptions
    @Option(help: "The phone number.") var to: String
    @Option(help: "A saved reply to try, filled with sample values.") var reply: String?
    @Option(help: "fr or en (default: the business's language).") var language: String?

    func run() throws {
        try CommandRunner.run { () throws in
            var lang: Language?
            if let language {
                do throws(BillingError) { lang = try Language(code: language) } catch { throw CLIError.usage("--language: \(error.description)") }
            }
            let (message, outcome) = try options.service().testMessage(to: to, reply: reply, language: lang)
            switch outcome {
            case .optedOut: Console.warn("\(to) opted out of text messages: nothing was sent.")
            case .queued(let id, _): Console.print("Queued test message #\(id) (\(SegmentText.describe(message.segments))):\n  \(message.text)")
            }
        }
    }
}

struct MessageReceive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receive", abstract: "Record a customer's reply (what an SMS gateway would forward); STOP or ARRET also opts the number out.")

    @OptionGroup var options: WorkspaceOptions
    @Option(help: "The customer's phone number.") var from: String
    @Option(help: "The text they replied.") var text: String

    func run() throws {
        try CommandRunner.run { () throws in
            let reply = try options.service().receiveReply(from: from, text: text)
            if reply.optedOut {
                Console.print("\(reply.phone.e164) replied \"\(reply.text)\": opted out, no more texts will be sent.")
            } else {
                Console.print("Recorded the reply from \(reply.phone.e164); staff see it in the customer's conversation.")
            }
        }
    }
}

struct MessagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "messages", abstract: "The outbox of text messages with their segment counts.")

    @OptionGroup var options: WorkspaceOptions
    @OptionGroup var output: JSONFlag
    @Argument(help: "Only the messages of this reference.") var reference: String?

    struct Line: Encodable {
        var id: Int64, at: Date, to: String, kind: String, reference: String?, segments: Int, encoding: String, status: String, body: String
    }

    func run() throws {
        try CommandRunner.run { () throws in
            let service = try options.service()
            let ref = try reference.map { text throws(OperationError) in try service.parseReference(text) }
            let messages: [OutboxMessage]
            do throws(StoreError) { messages = try service.ledger.outbox(reference: ref) } catch { throw error }
            let lines = messages.map { Line(id: $0.id ?? 0, at: $0.createdAt, to: $0.to.e164, kind: $0.kind, reference: $0.reference?.value,
                                            segments: $0.segments, encoding: $0.encoding.rawValue, status: $0.status.rawValue, body: $0.body) }
            if output.json { return Console.json(lines) }
            if lines.isEmpty { return Console.print("The outbox is empty.") }
            let formatter = ISO8601DateFormatter()
            for line in lines {
                Console.print("#\(line.id) \(formatter.string(from: line.at)) \(line.kind) to \(line.to)\(line.reference.map { " (\($0))" } ?? "") — \(line.segments) segment\(line.segments == 1 ? "" : "s") \(line.encoding.uppercased()), \(line.status)\n  \(line.body)")
            }
        }
    }
}

struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "customer", abstract: "Customers and their requests.",
                                                    subcommands: [CustomerShow.self, CustomerOptOut.self])
}

struct CustomerShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "A customer's requests, found by name or phone.")

    @OptionGroup var options: WorkspaceOptions
    @OptionGroup var output: JSONFlag
    @Argument(help: ArgumentHelp("Part of the name, or the phone.", valueName: "NAME_OR_PHONE")) var query: String

    func run() throws {
        try CommandRunner.run { () throws in
            let rows = try options.service().list(customer: query)
            if output.json { return Console.json(rows) }
            guard !rows.isEmpty else { throw CLIError.notFound("no customer matches \"\(query)\"") }
            for (customer, requests) in Dictionary(grouping: rows, by: { "\($0.customerName) \($0.customerPhone)" }).sorted(by: { $0.key < $1.key }) {
                Console.print(customer)
                Console.print(TextTable(headers: ["reference", "status", "amount", "due", "business"],
                                        rows: requests.map { [$0.reference, $0.status.rawValue, $0.amount.decimalString, $0.amountDue.decimalString, $0.business] })
                                .render().split(separator: "\n").map { "  \($0)" }.joined(separator: "\n"))
            }
        }
    }
}

struct CustomerOptOut: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "opt-out", abstract: "Stop all texts to a phone number (the customer replied STOP).")

    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "The phone number.") var phone: String

    func run() throws {
        try CommandRunner.run { () throws in
            let number = try options.service().optOut(phone: phone)
            Console.print("\(number.e164) will receive no more text messages.")
        }
    }
}
