import PageModels

/// The context of every console page (`Themes/<theme>/templates/console/*.mustache`): the
/// page's frame, the signed-in bar, and the one section the page shows.
struct ConsoleView: Sendable {
    /// Who is signed in, the navigation, the language switch and sign-out (each a form with the CSRF token).
    struct Bar: Sendable {
        var name: String
        var roleLabel: String
        var csrf: String
        var otherLanguage: String
        var otherLanguageLabel: String
        var returnTo: String
        /// Owners also see the staff page in the navigation.
        var isOwner = false
        /// Unread notifications, nil when none (the badge is then hidden until one arrives live).
        var unreadCount: String?
    }

    struct Link: Sendable {
        var label: String
        var href: String
        var current: Bool
    }

    struct Option: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    var chrome: Chrome
    var t: [String: String]
    var bar: Bar?
    /// What just happened (announced politely).
    var notice: String?
    /// Why something was refused (announced at once).
    var alert: String?
    var signIn: ConsoleSignIn?
    var list: ConsoleList?
    var request: ConsoleRequest?
    var action: ConsoleAction?
    var deposits: ConsoleDeposits?
    var deposit: ConsoleDeposit?
    var importing: ConsoleImport?
    var settings: ConsoleSettings?
    var terminal: ConsoleTerminal?
    var newRequest: ConsoleNewRequest?
    var customers: ConsoleCustomers?
    var customer: ConsoleCustomer?
    /// A message preview alone (the fragment the compose script asks for).
    var preview: ConsoleMessagePreview?
    var notifications: ConsoleNotifications?
    var staffPage: ConsoleStaffPage?
    var staffMember: ConsoleStaffMember?
    var account: ConsoleAccount?
    var code: ConsoleCode?
}

/// The sign-in form, or the one-time link's "Continue" step.
struct ConsoleSignIn: Sendable {
    var action: String
    var csrf: String
    var name: String
    /// The one-time link: only a Continue button.
    var linkToken: String?
}

/// The requests: filters, totals, rows and pages.
struct ConsoleList: Sendable {
    struct Row: Sendable {
        var reference: String
        var href: String
        var business: String
        var customerName: String
        var customerPhone: String
        var statusKey: String
        var statusLabel: String
        var amount: String
        var amountDue: String
        var created: String
        var link: String
        var actions: [ConsoleView.Link]
    }

    struct Total: Sendable {
        var label: String
        var value: String
    }

    var search: String
    var statuses: [ConsoleView.Option]
    var businesses: [ConsoleView.Option]
    var hasBusinesses: Bool
    var totals: [Total]
    var rows: [Row]
    var empty: Bool
    var summary: String
    var previous: String?
    var next: String?
}

/// One request: its facts, history and actions.
struct ConsoleRequest: Sendable {
    struct Fact: Sendable {
        var label: String
        var value: String
    }

    struct Event: Sendable {
        var when: String
        var text: String
    }

    var reference: String
    var statusKey: String
    var statusLabel: String
    var facts: [Fact]
    var link: String
    var history: [Event]
    var actions: [ConsoleView.Link]
    var hasActions: Bool
    var csrf: String
    var sendAction: String?
    var receiptHref: String?
    /// Where its payment and refunds went (deposit, expected day, or offline: none).
    var deposits: [ConsoleRequestDeposit] = []
}

/// A form or confirmation for one action (remind, refund, void, mark paid).
struct ConsoleAction: Sendable {
    struct Field: Sendable {
        var id: String
        var name: String
        var label: String
        var value: String
        var hint: String?
        var error: String?
        var multiline: Bool
        var options: [ConsoleView.Option]
        var hasOptions: Bool
        var inputMode: String?
        /// The language of the value when it is not the clerk's: a text for the customer.
        var lang: String? = nil
    }

    struct Hidden: Sendable {
        var name: String
        var value: String
    }

    var heading: String
    var reference: String
    var explanation: String?
    var fixedBefore: String?
    var fixedAfter: String?
    var fields: [Field]
    var hidden: [Hidden]
    var csrf: String
    var action: String
    var submitLabel: String
    var danger: Bool
    var cancelHref: String
    /// Refused before any form: only the reason and the way back.
    var refused: Bool
    /// The customer's language (`fr`, `en`) when the fixed parts are words the customer will read.
    var textLanguage: String? = nil
}
