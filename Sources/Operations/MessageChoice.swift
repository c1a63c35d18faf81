import Billing
import Messaging

/// Which text goes to the customer: the built-in one, a saved reply, or one staff wrote
/// (with the same `{ placeholders }` as saved replies).
package enum MessageChoice: Sendable, Hashable {
    case standard
    case reply(String)
    case written(String)

    /// A saved reply when named, else the text staff wrote, else the built-in text.
    package init(reply: String?, text: String?) {
        if let reply, !reply.isEmpty {
            self = .reply(reply)
        } else if let text, !text.allSatisfy(\.isWhitespace) {
            self = .written(text)
        } else {
            self = .standard
        }
    }
}

/// A composed text and the `[brackets]` staff still have to fill in (in what they wrote or
/// picked, not in the values filled in).
package struct MessageDraft: Sendable, Hashable {
    package var message: ComposedMessage
    package var unfilled: [String]
}

extension RequestMessages {
    /// The text for any choice, as `compose` builds it, without refusing unfilled brackets:
    /// what a preview shows. Unknown or unset placeholders are still errors (no text to show).
    package func draft(_ fixed: FixedMessage, choice: MessageChoice, invoice: Invoice, amount: Money,
                       link: String) throws(OperationError) -> MessageDraft {
        let language = MessageLanguage(language(for: invoice))
        let context = context(invoice, amount: amount, link: link)
        let message = try compose(fixed, choice: choice, language: language, context: context, companyName: business.companyName)
        let written = try compose(fixed, choice: choice, language: language, context: Self.withoutBrackets(context),
                                  companyName: Self.withoutBrackets(business.companyName))
        return MessageDraft(message: message, unfilled: written.unfilledBrackets)
    }

    /// The text that is sent: `draft`, refused while `[brackets]` remain.
    package func compose(_ fixed: FixedMessage, choice: MessageChoice, invoice: Invoice, amount: Money,
                         link: String) throws(OperationError) -> ComposedMessage {
        let draft = try draft(fixed, choice: choice, invoice: invoice, amount: amount, link: link)
        guard draft.unfilled.isEmpty else { throw .conflict(.unfilledText(draft.unfilled)) }
        return draft.message
    }

    private func compose(_ fixed: FixedMessage, choice: MessageChoice, language: MessageLanguage, context: PlaceholderContext,
                         companyName: String) throws(OperationError) -> ComposedMessage {
        let composer = MessageComposer(companyName: companyName, includesOptOut: business.optOutWording)
        do throws(MessagingError) {
            switch choice {
            case .standard: return try composer.compose(fixed, language: language, context: context)
            case .reply(let name): return try composer.compose(reply: replies.reply(named: name), language: language, context: context)
            case .written(let text): return try composer.compose(MessageTemplate(name: "message", language: language, text: text), context: context)
            }
        } catch { throw .messaging(error) }
    }
}
