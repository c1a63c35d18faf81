import Deposits

/// `deposits --json` and `deposits show --json`: amounts as decimal strings, never numbers.
struct DepositJSON: Encodable {
    struct Line: Encodable {
        var kind: String
        var amount: String
        var reference: String?
        var number: Int?
        var method: String?
        var since: String?
    }

    var business, date, status, currency: String
    var number: String?
    var gross, refunds, fees, feesReturned, shortfallTaken, net, shortfallCarried: String
    var lines: [Line]?

    init(_ day: DepositDay, lines withLines: Bool) {
        business = day.businessKey
        date = day.day.iso
        status = day.status.rawValue
        currency = day.deposit.currency.code
        number = day.id?.description
        gross = day.gross.decimalString
        refunds = day.refunds.decimalString
        fees = day.fees.decimalString
        feesReturned = day.feesReturned.decimalString
        shortfallTaken = day.shortfallTaken.decimalString
        net = day.deposit.decimalString
        shortfallCarried = day.shortfallCarried.decimalString
        lines = withLines ? day.lines.map {
            Line(kind: $0.kind.rawValue, amount: $0.amount.decimalString, reference: $0.reference?.value, number: $0.number,
                 method: $0.method?.rawValue, since: $0.since?.iso)
        } : nil
    }
}
