/// The deposits of one business, day by day, newest first (`console/deposits.mustache`).
struct ConsoleDeposits: Sendable {
    struct Row: Sendable {
        /// `day-KEY-YYYY-MM-DD`: names the row (tests and links to one day).
        var id: String
        var day: String
        var dayISO: String
        var statusKey: String
        var statusLabel: String
        /// The deposit's number (`velo-laurier-3`), deposited days only.
        var number: String?
        /// The page of the day: the deposit's number, else the business and the day.
        var href: String
        /// "Shortfall carried: 97,26 $" (no deposit), "So far" (expected).
        var statusDetail: String?
        var gross: String
        var refunds: String
        var fees: String
        /// "3,00 $ returned" when fees were returned that day (they add to the deposit).
        var feesDetail: String?
        var shortfallTaken: String
        var net: String
        var shortfallCarried: String
    }

    struct Total: Sendable {
        var label: String
        var value: String
        var detail: String?
    }

    var businesses: [ConsoleView.Option]
    var hasBusinesses: Bool
    var company: String
    /// Time zone, currency and settlement delay, in one sentence.
    var rules: String
    var totals: [Total]
    var rows: [Row]
    var empty: Bool
    var summary: String
    var previous: String?
    var next: String?
}

/// One business day, deposited or not, line by line: print-ready (`console/deposit.mustache`).
struct ConsoleDeposit: Sendable {
    struct Line: Sendable {
        var kind: String
        var label: String
        var reference: String?
        var href: String?
        var document: String
        var method: String
        var amount: String
    }

    struct Figure: Sendable {
        var key: String
        var label: String
        var value: String
    }

    var title: String
    var company: String
    var address: String
    var day: String
    var statusKey: String
    var statusLabel: String
    var figures: [Figure]
    var lines: [Line]
    var total: String
    /// "The lines add up to the deposit." or "… no deposit; shortfall carried …".
    var outcome: String
    var backHref: String
    var note: String
}

/// Where a request's money went, one line for the payment and one per refund (request page).
struct ConsoleRequestDeposit: Sendable {
    var label: String
    var text: String
    var href: String?
}
