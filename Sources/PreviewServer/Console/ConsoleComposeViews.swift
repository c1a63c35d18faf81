/// A text box with saved replies and the server-rendered preview: the new-request form and a
/// customer's profile share it (`partials/console-compose.mustache`).
struct ConsoleCompose: Sendable {
    /// `reply`: "" is "no saved reply" (the text below, or the built-in one).
    var replies: [ConsoleView.Option]
    var replyError: String?
    var text: String
    var textLabel: String
    var textHint: String
    var textError: String?
    /// Where the script posts the form for a fresh preview (an HTML fragment).
    var previewAction: String
    var preview: ConsoleMessagePreview?
}

/// The text as it will be sent, its size, and what must be fixed before sending.
struct ConsoleMessagePreview: Sendable {
    /// The message's language (the customer's), for `lang`.
    var lang: String
    /// The text as it will be sent (not `text`: a nil here must not fall back to the text box's `text`).
    var message: String?
    /// "1 segment · GSM-7 · 97 of 160 characters"
    var segments: String?
    var encoding: String?
    var problems: [String]
    var hasProblems: Bool
    /// A note under the preview: the link is a stand-in of the same length, or what the preview waits for.
    var linkNote: String?
}

/// A field of the new-request form with its inline error.
struct ConsoleInput: Sendable {
    var id: String
    var label: String
    var value: String
    var hint: String?
    var error: String?
    var inputMode: String?
    var autocomplete: String?
}

/// An error of the form, for the summary at its top (a link to the field).
struct ConsoleFormError: Sendable {
    var field: String
    var message: String
}

/// `/staff/requests/new`: the customer, quick payment or invoice, the message, then Copy link or Send.
struct ConsoleNewRequest: Sendable {
    var action: String
    var csrf: String
    var find: String
    var found: [ConsoleView.Link]
    var searched: Bool
    var foundNone: Bool
    var name: ConsoleInput
    var phone: ConsoleInput
    var languages: [ConsoleView.Option]
    var businesses: [ConsoleView.Option]
    var hasBusinesses: Bool
    var kinds: [ConsoleView.Option]
    var isInvoice: Bool
    var reference: ConsoleInput
    var amount: ConsoleInput
    var invoices: [ConsoleView.Option]
    var hasInvoices: Bool
    var invoiceError: String?
    var compose: ConsoleCompose
    var errors: [ConsoleFormError]
    var hasErrors: Bool
}
