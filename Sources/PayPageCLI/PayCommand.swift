import ArgumentParser
import Billing
import Checkout
import Foundation
import Operations

struct PayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pay",
        abstract: "Pay a request through the checkout simulator, as a customer would.",
        discussion: """
        Exactly one method: --card (with --exp and --cvc), --wallet, or --affirm (with --months).
        Prints the outcome in one line; exit 0 when paid, 1 for anything else (declined, cancelled,
        not eligible). --json prints the checkout API's body. The card number and CVC are never
        stored or logged; `--card -` reads the number from standard input, out of shell history.
        """)

    @OptionGroup var options: WorkspaceOptions
    @OptionGroup var output: JSONFlag
    @Argument(help: "The reference.") var reference: String

    @Option(help: ArgumentHelp("A test card number, or - to read it from standard input.", valueName: "NUMBER|-"))
    var card: String?
    @Option(help: ArgumentHelp("The card's expiry.", valueName: "MM/YY")) var exp: String?
    @Option(help: "The card's security code.") var cvc: String?
    @Option(help: "The cardholder's name (default: the customer's).") var name: String?
    @Option(name: .customLong("3ds"), help: "Answer a 3-D Secure challenge: approve or fail.") var threeDS: ChallengeAnswer?

    @Option(help: "Pay with a wallet: apple or google.") var wallet: Wallet?
    @Option(help: "The wallet sheet's outcome: approve (default), cancel or fail.") var outcome: WalletOutcome?

    @Flag(help: "Pay with Affirm.") var affirm = false
    @Option(help: "Affirm's plan: 3, 6 or 12 months.") var months: Int?
    @Flag(help: "Affirm's simulated credit check declines.") var decline = false

    @Option(help: ArgumentHelp("Charge at most once for this key: a retry replays the first outcome.", valueName: "K"))
    var idempotencyKey: String?

    enum ChallengeAnswer: String, ExpressibleByArgument, CaseIterable { case approve, fail }
    enum Wallet: String, ExpressibleByArgument, CaseIterable { case apple, google }
    enum WalletOutcome: String, ExpressibleByArgument, CaseIterable { case approve, cancel, fail }

    func validate() throws {
        let methods = [card != nil, wallet != nil, affirm].filter { $0 }.count
        guard methods == 1 else { throw ValidationError("give exactly one of --card, --wallet or --affirm") }
        if card != nil {
            guard exp != nil, cvc != nil else { throw ValidationError("--card needs --exp MM/YY and --cvc CVC") }
        } else if exp != nil || cvc != nil || threeDS != nil || name != nil {
            throw ValidationError("--exp, --cvc, --name and --3ds go with --card")
        }
        if wallet == nil && outcome != nil { throw ValidationError("--outcome goes with --wallet") }
        if affirm {
            guard let months, [3, 6, 12].contains(months) else { throw ValidationError("--affirm needs --months 3, 6 or 12") }
        } else if months != nil || decline {
            throw ValidationError("--months and --decline go with --affirm")
        }
        if let key = idempotencyKey, !(8...128).contains(key.count)
            || !key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            throw ValidationError("--idempotency-key: 8 to 128 letters, digits, - and _")
        }
    }

    func run() throws {
        var paid = false
        try CommandRunner.run { () throws in
            let service = try options.service()
            let attempt = try CommandLinePayment(checkout: .simulated(service))
                .pay(reference, source: source(), cardholder: name, challengeAnswer: threeDS.map { $0 == .approve },
                     idempotencyKey: idempotencyKey)
            paid = attempt.result.payment != nil
            if paid { SiteRefresh(options: options).afterChange([reference]) }
            if output.json {
                let body = CheckoutOutcomeJSON.outcome(attempt.result, token: attempt.token).body
                return Console.print(String(decoding: CheckoutOutcomeJSON.encoded(body), as: UTF8.self))
            }
            Console.print(PayOutcomeText.line(attempt.result))
        }
        if !paid { throw ExitCode(1) }
    }

    private func source() -> PaymentSource {
        if let card {
            let number = card == "-" ? (readLine(strippingNewline: true) ?? "") : card
            return .card(CardDetails(number: number, expiry: exp ?? "", cvc: cvc ?? "", name: ""))
        }
        if let wallet { return .wallet(wallet == .apple ? .applePay : .googlePay, WalletAction(rawValue: (outcome ?? .approve).rawValue) ?? .approve) }
        return .affirm(AffirmSelection(months: months ?? 3), creditCheck: decline ? .decline : .approve)
    }
}

/// `paypage pay`'s one line per outcome, in English.
enum PayOutcomeText {
    static func line(_ result: CheckoutResult) -> String {
        switch result {
        case .paid(let payment):
            "Paid \(MoneyFormat.plain(payment.amount)) on \(payment.reference) by \(MethodText.staff(payment.method)); "
                + "authorization \(payment.authorizationCode), receipt #\(payment.receiptNumber)."
        case .declined(let reason): "Declined (\(reason.rawValue)): \(reason.message(.en))"
        case .challengeRequired: "3-D Secure required: nothing was charged; run again with --3ds approve or --3ds fail."
        case .cancelled: "Cancelled: the wallet sheet was dismissed; nothing was charged."
        case .invalid(let errors):
            "Invalid: " + errors.map { "\($0.field.rawValue): \($0.message(.en))" }.joined(separator: " ")
        case .refused(let reason): "Not paid: \(reason)"
        }
    }
}
