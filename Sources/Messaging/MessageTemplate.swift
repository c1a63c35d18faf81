/// A message text parsed into literal text and `{ placeholder }` parts.
///
/// Braces are always placeholder syntax (there is no escape): literal braces are rare in
/// a text message and cost two GSM-7 septets each anyway.
package struct MessageTemplate: Sendable, Hashable {
    package enum Part: Sendable, Hashable {
        case text(String)
        /// `offset` is the Character offset of the opening `{` in the source text.
        case placeholder(name: String, offset: Int)
    }

    package let name: String
    package let language: MessageLanguage
    package let source: String
    package let parts: [Part]

    package init(name: String, language: MessageLanguage, text: String) throws(MessagingError) {
        self.name = name
        self.language = language
        self.source = text
        self.parts = try Self.parse(text, name: name, language: language)
    }

    /// Placeholder names in order of appearance (repeats kept).
    package var placeholderNames: [String] {
        parts.compactMap { part in
            if case let .placeholder(name, _) = part { return name }
            return nil
        }
    }

    func location(_ offset: Int) -> TemplateLocation {
        TemplateLocation(template: name, language: language, offset: offset)
    }

    private static func parse(
        _ text: String, name: String, language: MessageLanguage
    ) throws(MessagingError) -> [Part] {
        func at(_ offset: Int) -> TemplateLocation {
            TemplateLocation(template: name, language: language, offset: offset)
        }
        var parts: [Part] = []
        var literal = ""
        // Spaces inside braces are allowed (`{ customer.name }`) and trimmed later.
        var open: (offset: Int, inside: String)?

        for (offset, character) in text.enumerated() {
            if let current = open {
                switch character {
                case "}":
                    let placeholder = current.inside.trimmingWhitespace()
                    guard !placeholder.isEmpty else { throw .emptyPlaceholder(at: at(current.offset)) }
                    parts.append(.placeholder(name: placeholder, offset: current.offset))
                    open = nil
                // A second `{` or a line break before `}` means the first one was never closed.
                case "{", "\n", "\r\n", "\r":
                    throw .unterminatedPlaceholder(at: at(current.offset))
                default:
                    open = (current.offset, current.inside + String(character))
                }
            } else {
                switch character {
                case "{":
                    if !literal.isEmpty { parts.append(.text(literal)) }
                    literal = ""
                    open = (offset, "")
                case "}":
                    throw .unexpectedClosingBrace(at: at(offset))
                default:
                    literal.append(character)
                }
            }
        }
        if let current = open { throw .unterminatedPlaceholder(at: at(current.offset)) }
        if !literal.isEmpty { parts.append(.text(literal)) }
        return parts
    }
}
