/// The import page (`/staff/import`): the upload form, and after an import its report, the same
/// as `paypage import` prints, in the staff member's language.
struct ConsoleImport: Sendable {
    /// One RO: what became of it, and where to go next.
    struct Order: Sendable {
        var reference: String
        var outcomeKey: String
        var outcomeLabel: String
        var lines: String
        var total: String?
        /// Frozen: the request's status, and that it was left as it is.
        var detail: String?
        /// The request's console page, once registered.
        var href: String?
        /// A new invoice: the new-request form, to send it.
        var sendHref: String?
        var sendLabel: String?
        var issues: [Issue]
        var hasIssues: Bool
    }

    /// `garage.csv:14: unit_price` and what is wrong there.
    struct Issue: Sendable {
        var place: String
        var text: String
    }

    struct Report: Sendable {
        var heading: String
        var dryRun: Bool
        /// How the file was read: layout, encoding and why, delimiter, business, lines.
        var facts: [ConsoleList.Total]
        var counts: [ConsoleList.Total]
        /// One sentence: nothing changed, or what a dry run would do, or the totals.
        var summary: String
        var failed: Bool
        var orders: [Order]
        var hasOrders: Bool
        /// Problems of the whole file, or of lines that belong to no RO.
        var problems: [Issue]
        var hasProblems: Bool
    }

    var csrf: String
    var action: String
    var limit: String
    var businesses: [ConsoleView.Option]
    var hasBusinesses: Bool
    var prefix: String
    var formats: [ConsoleView.Option]
    var dryRun: Bool
    /// Why the form could not be imported (no file, an unreadable mapping…).
    var error: String?
    var report: Report?
}
