/// The notifications page: payments, newest first, each read or unread.
struct ConsoleNotifications: Sendable {
    struct Item: Sendable {
        var text: String
        var when: String
        var href: String
        var unread: Bool
        var statusKey: String
        var statusLabel: String
    }

    var items: [Item]
    var empty: Bool
    var summary: String
    var hasUnread: Bool
    var csrf: String
    /// The newest notification shown: "mark all read" marks up to it (not one that arrives meanwhile).
    var readThrough: String
}

/// The owners' staff page: every account and the form to add one.
struct ConsoleStaffPage: Sendable {
    struct Member: Sendable {
        var name: String
        var href: String
        var roleLabel: String
        var languageLabel: String
        var twoFactorLabel: String
        var stateLabel: String
    }

    var members: [Member]
    var csrf: String
    var name: String
    var roles: [ConsoleView.Option]
    var languages: [ConsoleView.Option]
    /// Why the last add was refused, next to the fields.
    var error: String?
}

/// One account, as an owner manages it: new password, second factor reset, removal.
struct ConsoleStaffMember: Sendable {
    var name: String
    var facts: [ConsoleRequest.Fact]
    var csrf: String
    var passwordAction: String
    /// nil when the second factor is off (nothing to reset).
    var totpAction: String?
    var removeAction: String
    /// The removal's confirmation step.
    var confirmRemove: Bool
    var error: String?
}

/// A staff member's own account: password (the current one required) and language.
struct ConsoleAccount: Sendable {
    var name: String
    var roleLabel: String
    var twoFactorLabel: String
    var csrf: String
    var languages: [ConsoleView.Option]
    var error: String?
}

/// The second step of signing in: the authenticator app's code.
struct ConsoleCode: Sendable {
    var csrf: String
    var name: String
}
