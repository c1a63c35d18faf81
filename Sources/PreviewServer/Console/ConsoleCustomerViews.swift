/// `/staff/customers/`: customers found by name or phone, a page at a time.
struct ConsoleCustomers: Sendable {
    struct Row: Sendable {
        var name: String
        var phone: String
        var href: String
        var requests: String
        var last: String
    }

    var search: String
    var rows: [Row]
    var empty: Bool
    var summary: String
    var previous: String?
    var next: String?
}

/// `/staff/customers/ID`: the profile, its requests ("Invoices") and its conversation.
struct ConsoleCustomer: Sendable {
    struct Request: Sendable {
        var reference: String
        var href: String
        var statusKey: String
        var statusLabel: String
        var amount: String
        var amountDue: String
        var created: String
    }

    struct Message: Sendable {
        var when: String
        /// `sent` or `received`.
        var direction: String
        var who: String
        var body: String
        var status: String?
        var about: String?
        var aboutHref: String?
    }

    var name: String
    var phone: String
    var language: String
    /// The customer's language code, for the texts' `lang`.
    var lang: String
    var optedOut: Bool
    var optOutNote: String?
    var tabs: [ConsoleView.Link]
    var showInvoices: Bool
    var requests: [Request]
    var messages: [Message]
    var noMessages: Bool
    var newRequestHref: String
    /// The send box: nil for a customer who opted out (`optOutNote` says why).
    var sendAction: String?
    var csrf: String
    var about: [ConsoleView.Option]
    var compose: ConsoleCompose?
}
