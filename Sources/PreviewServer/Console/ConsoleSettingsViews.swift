/// The settings page (`/staff/settings`, owners only): one business's payment and text-message
/// settings, and a test message.
struct ConsoleSettings: Sendable {
    /// A checkbox: checked sends `name=on`, unchecked sends nothing.
    struct Toggle: Sendable {
        var id: String
        var name: String
        var label: String
        var hint: String?
        var checked: Bool
    }

    var businesses: [ConsoleView.Option]
    var hasBusinesses: Bool
    var business: String
    var company: String
    var csrf: String
    /// The fields with an error, as links to them (the summary above the form).
    var errors: [ConsoleView.Link]
    var hasErrors: Bool
    var affirm: Toggle
    var affirmMinimum: ConsoleAction.Field
    var confirmation: Toggle
    var reply: ConsoleAction.Field
    var maxTotal: ConsoleAction.Field
    var maxPerDay: ConsoleAction.Field
    var optOut: Toggle
    var testPhone: ConsoleAction.Field
    var testLanguage: ConsoleAction.Field
    var testExplanation: String
}

/// The virtual terminal (`/staff/requests/REF/terminal`): a card taken over the phone, through
/// the checkout simulator, with its 3-D Secure step on the same page.
struct ConsoleTerminal: Sendable {
    struct Challenge: Sendable {
        var id: String
        var text: String
        var action: String
    }

    var reference: String
    var backHref: String
    var facts: [ConsoleRequest.Fact]
    var csrf: String
    var action: String
    /// One idempotency key per rendered form: a double click charges once.
    var attempt: String
    var errors: [ConsoleView.Link]
    var hasErrors: Bool
    var name: ConsoleAction.Field
    var number: ConsoleAction.Field
    var exp: ConsoleAction.Field
    var cvc: ConsoleAction.Field
    var testCards: [ConsoleRequest.Fact]
    var payLabel: String
    var challenge: Challenge?
    /// Not payable (paid, voided, nothing due): only this reason and the way back.
    var refused: String?
}
