/// Everything that can go wrong while building a text message.
///
/// Each case carries enough to point at the problem; only the CLI turns it into `error: …`.
package enum MessagingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `{ name }` is not one of the placeholders `PlaceholderContext` fills.
    case unknownPlaceholder(String, at: TemplateLocation)
    /// A known placeholder with no value for this customer/appointment/request.
    case placeholderNotSet(String, at: TemplateLocation)
    /// `{ }` with nothing inside.
    case emptyPlaceholder(at: TemplateLocation)
    /// A `{` with no matching `}` on the same line (location is the `{`).
    case unterminatedPlaceholder(at: TemplateLocation)
    /// A `}` with no `{` before it: almost always a typo such as `customer.name}`.
    case unexpectedClosingBrace(at: TemplateLocation)
    /// No saved reply has this name.
    case replyNotFound(name: String)
    /// The saved reply has no text in the customer's language.
    case replyMissingLanguage(name: String, language: MessageLanguage)
    /// Nothing left to send once whitespace is removed.
    case emptyMessage
    /// A recipient that is not an E.164 number (`+`, then 7 to 15 digits, the first not 0).
    case invalidPhoneNumber(String)

    package var description: String {
        switch self {
        case let .unknownPlaceholder(name, at):
            return "unknown placeholder { \(name) } in \(at)"
        case let .placeholderNotSet(name, at):
            return "\(name) is not set for this \(Self.owner(of: name)) (\(at))"
        case let .emptyPlaceholder(at):
            return "empty placeholder { } in \(at)"
        case let .unterminatedPlaceholder(at):
            return "'{' is never closed with '}' in \(at)"
        case let .unexpectedClosingBrace(at):
            return "'}' without a matching '{' in \(at)"
        case let .replyNotFound(name):
            return "no saved reply named \"\(name)\""
        case let .replyMissingLanguage(name, language):
            return "saved reply \"\(name)\" has no \(language.rawValue) text"
        case .emptyMessage:
            return "the message is empty"
        case let .invalidPhoneNumber(phone):
            return "\"\(phone)\" is not a phone number in E.164 form (e.g. +15145550123)"
        }
    }

    /// `customer.meta_rent_due` → "customer": the thing whose data is missing.
    private static func owner(of placeholder: String) -> String {
        placeholder.split(separator: ".", maxSplits: 1).first.map(String.init) ?? "message"
    }
}
