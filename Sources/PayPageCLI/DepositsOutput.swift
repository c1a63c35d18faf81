import Foundation
import Billing
import Deposits
import Store

/// How deposits print: a table per business, CSV, and one deposit's lines.
enum DepositsOutput {
    static let listHeaders = ["date", "number", "gross", "refunds", "fees", "fees returned", "shortfall taken", "net",
                              "shortfall carried"]

    static func table(_ days: [DepositDay], keys: [String], businesses: Businesses) -> String {
        var sections: [String] = []
        for key in keys {
            let name = businesses.all[key].map { "\($0.companyName) (\(key)), \($0.currency.code)" } ?? key
            let mine = days.filter { $0.businessKey == key }
            guard !mine.isEmpty else {
                sections.append("\(name)\nNo deposits.")
                continue
            }
            let rows = mine.map { day in
                [day.day.iso, label(day)] + amounts(day).map(\.decimalString)
            }
            sections.append(name + "\n" + TextTable(headers: listHeaders, rows: rows).rightAligning(from: 2).render())
        }
        return sections.joined(separator: "\n\n")
    }

    static func csv(_ days: [DepositDay], separator: Character) -> String {
        let writer = CSVWriter(separator: separator)
        let headers = ["business", "date", "number", "status", "currency", "gross", "refunds", "fees", "fees_returned",
                       "shortfall_taken", "net", "shortfall_carried"]
        let rows = days.map { day in
            [day.businessKey, day.day.iso, day.id?.description ?? "", day.status.rawValue, day.deposit.currency.code]
                + amounts(day).map(writer.amount)
        }
        return writer.render([headers] + rows)
    }

    static func detail(_ day: DepositDay, business: BusinessSettings?) -> String {
        let company = business.map { " — \($0.companyName)" } ?? ""
        let title: String
        switch day.status {
        case .deposited: title = "Deposit \(day.id?.description ?? "")\(company)"
        case .noDeposit: title = "No deposit: \(day.businessKey), \(day.day.iso)\(company)"
        case .expected: title = "Expected deposit: \(day.businessKey), \(day.day.iso)\(company)"
        }
        let summary: [(String, Money)] = [
            ("Gross", day.gross), ("Refunds", day.refunds), ("Fees", day.fees), ("Fees returned", day.feesReturned),
            ("Shortfall taken", day.shortfallTaken), ("Net", day.deposit), ("Shortfall carried", day.shortfallCarried),
        ]
        var text = [title, "Day:               \(weekdays[day.day.weekday - 1]) \(day.day.iso) (\(status(day)))"]
        text += summary.map { name, money in (name + ":").padding(toLength: 19, withPad: " ", startingAt: 0) + MoneyFormat.plain(money) }
        let rows = day.lines.map { line in
            [lineName(line.kind), line.reference?.value ?? "", document(line), line.method.map(methodName) ?? "",
             line.amount.decimalString]
        }
        text.append("")
        text.append(TextTable(headers: ["line", "reference", "document", "method", "amount"], rows: rows).rightAligning(from: 4).render())
        let total = Money(minorUnits: day.lines.reduce(0) { $0 + $1.amount.minorUnits }, currency: day.deposit.currency)
        let outcome = day.deposit.isPositive ? "the net" : "no deposit; shortfall carried \(MoneyFormat.plain(day.shortfallCarried))"
        text.append("Lines add up to \(MoneyFormat.plain(total)): \(outcome).")
        return text.joined(separator: "\n")
    }

    static func linesCSV(_ day: DepositDay, separator: Character) -> String {
        let writer = CSVWriter(separator: separator)
        let headers = ["business", "date", "number", "line", "reference", "document", "method", "amount", "currency"]
        let rows = day.lines.map { line in
            [day.businessKey, day.day.iso, day.id?.description ?? "", line.kind.rawValue, line.reference?.value ?? "",
             document(line), line.method?.rawValue ?? "", writer.amount(line.amount), line.amount.currency.code]
        }
        return writer.render([headers] + rows)
    }

    /// gross, refunds, fees, fees returned, shortfall taken, net, shortfall carried.
    static func amounts(_ day: DepositDay) -> [Money] {
        [day.gross, day.refunds, day.fees, day.feesReturned, day.shortfallTaken, day.deposit, day.shortfallCarried]
    }

    static func label(_ day: DepositDay) -> String {
        switch day.status {
        case .deposited: day.id?.description ?? ""
        case .noDeposit: "no deposit"
        case .expected: "expected"
        }
    }

    static func status(_ day: DepositDay) -> String {
        switch day.status {
        case .deposited: "deposited"
        case .noDeposit: "no deposit, the shortfall carries"
        case .expected: "expected: today or later, may still change"
        }
    }

    static func lineName(_ kind: DepositLine.Kind) -> String {
        switch kind {
        case .payment: "payment"
        case .fee: "fee"
        case .refund: "refund"
        case .feeReturned: "fee returned"
        case .shortfallTaken: "shortfall taken"
        }
    }

    static func document(_ line: DepositLine) -> String {
        switch line.kind {
        case .payment, .fee: line.number.map { "receipt \($0)" } ?? ""
        case .refund, .feeReturned: line.number.map { "refund \($0)" } ?? ""
        case .shortfallTaken: line.since.map { "since \($0.iso)" } ?? ""
        }
    }

    static func methodName(_ kind: PaymentMethod.Kind) -> String {
        switch kind {
        case .card: "card"
        case .applePay: "Apple Pay"
        case .googlePay: "Google Pay"
        case .affirm: "Affirm"
        case .cash: "cash"
        case .cheque: "cheque"
        case .etransfer: "e-transfer"
        }
    }

    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
}
