/// Fills a template's placeholders and finds text staff forgot to replace.
package enum PlaceholderFiller {
    /// The template with every placeholder replaced by its value.
    ///
    /// Values are inserted verbatim and never parsed again, so a customer name containing
    /// `{` cannot inject a placeholder. Throws on the first unknown or unset placeholder.
    package static func fill(
        _ template: MessageTemplate, with context: PlaceholderContext
    ) throws(MessagingError) -> String {
        var result = ""
        for part in template.parts {
            switch part {
            case let .text(text):
                result += text
            case let .placeholder(name, offset):
                switch context.lookup(name) {
                case let .value(value): result += value
                case .notSet: throw .placeholderNotSet(name, at: template.location(offset))
                case .unknown: throw .unknownPlaceholder(name, at: template.location(offset))
                }
            }
        }
        return result
    }

    /// Every `[ … ]` still in `text`, brackets included (`["[insert date]"]`).
    ///
    /// Saved replies use brackets for parts staff must edit before sending; the CLI refuses
    /// to send while any remain. An unclosed `[` is reported up to the end of the text.
    package static func unfilledBrackets(in text: String) -> [String] {
        var found: [String] = []
        var current: String?
        for character in text {
            if character == "[" {
                // A new `[` inside an open one: report the open one as it stands.
                if let open = current { found.append(open) }
                current = "["
            } else if var open = current {
                open.append(character)
                if character == "]" {
                    found.append(open)
                    current = nil
                } else {
                    current = open
                }
            }
        }
        if let open = current { found.append(open) }
        return found
    }
}
