import ArgumentParser
import Billing
import Foundation
import Operations

struct RefundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refund", abstract: "Refund part or all of a paid request (never more than was paid).")

    @OptionGroup var options: WorkspaceOptions
    @OptionGroup var output: JSONFlag
    @Argument(help: "The reference.") var reference: String
    @Option(help: "The amount to refund, e.g. 25.00.") var amount: String?
    @Flag(help: "Refund everything still refundable.") var full = false
    @Option(help: "Why (printed on the receipt).") var reason: String?

    func validate() throws {
        if (amount == nil) == !full { throw ValidationError("give either --amount X or --full") }
    }

    func run() throws {
        try CommandRunner.run { () throws in
            let result = try options.service().refund(reference, amount: full ? nil : amount, reason: reason)
            SiteRefresh(options: options).afterChange([reference])
            if output.json { return Console.json(result) }
            Console.print("Refunded \(MoneyFormat.plain(result.amount)) on \(result.reference) (refund #\(result.number)); "
                + "status \(result.status.rawValue), \(MoneyFormat.plain(result.refundable)) still refundable.")
        }
    }
}

struct VoidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "void", abstract: "Void an unpaid request: its link can no longer be paid.")

    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "The reference.") var reference: String
    @Option(help: "Why (shown to staff).") var reason: String?

    func run() throws {
        try CommandRunner.run { () throws in
            _ = try options.service().void(reference, reason: reason)
            SiteRefresh(options: options).afterChange([reference])
            Console.print("Voided \(reference): its page now says so and offers no way to pay.")
        }
    }
}

struct MarkPaidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark-paid", abstract: "Record a payment received outside the checkout (cash, cheque, e-transfer).")

    @OptionGroup var options: WorkspaceOptions
    @OptionGroup var output: JSONFlag
    @Argument(help: "The reference.") var reference: String
    @Option(help: "cash, cheque or etransfer.") var method: OfflineMethod

    enum OfflineMethod: String, ExpressibleByArgument, CaseIterable {
        case cash, cheque, etransfer
        var kind: PaymentMethod.Kind { PaymentMethod.Kind(rawValue: rawValue)! }
    }

    func run() throws {
        try CommandRunner.run { () throws in
            let result = try options.service().markPaid(reference, method: method.kind)
            SiteRefresh(options: options).afterChange([reference])
            if output.json { return Console.json(result) }
            Console.print("Recorded \(MoneyFormat.plain(result.amount)) paid by \(MethodText.staff(result.method)) on \(result.reference); receipt #\(result.receiptNumber)"
                + (result.confirmationQueued ? ", confirmation queued." : "."))
        }
    }
}

struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind", abstract: "Text the fixed reminder for an unpaid request (one a day, three in all by default).")

    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "The reference.") var reference: String

    func run() throws {
        try CommandRunner.run { () throws in
            let outcome = try options.service().remind(reference)
            SiteRefresh(options: options).afterChange([reference])
            if case .queued(let id, let segments) = outcome { Console.print("Reminder queued as message #\(id) (\(SegmentText.describe(segments))).") }
        }
    }
}

struct ConfirmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "confirm", abstract: "Text the payment confirmation by hand.")

    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "The reference.") var reference: String
    @Option(help: "The saved reply to use; default: the business's confirmation text.") var reply: String?

    func run() throws {
        try CommandRunner.run { () throws in
            let outcome = try options.service().confirm(reference, reply: reply)
            SiteRefresh(options: options).afterChange([reference])
            if case .queued(let id, let segments) = outcome { Console.print("Confirmation queued as message #\(id) (\(SegmentText.describe(segments))).") }
        }
    }
}

struct LinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "link", abstract: "Manage secure links.", subcommands: [LinkRotate.self])
}

struct LinkRotate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rotate", abstract: "Give a request a new link; the old one stops working.")

    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "The reference.") var reference: String

    func run() throws {
        try CommandRunner.run { () throws in
            let link = try options.service().rotateLink(reference)
            SiteRefresh(options: options).afterChange([reference])
            Console.print("New link: \(link)\nThe old link now answers 404.")
        }
    }
}
