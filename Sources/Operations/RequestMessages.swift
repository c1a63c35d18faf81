import Billing
import Messaging

/// Builds the text messages of one request from its invoice, business and link.
public struct RequestMessages: Sendable {
    public let business: BusinessSettings
    public let replies: SavedReplies

    public init(business: BusinessSettings, replies: SavedReplies) {
        self.business = business
        self.replies = replies
    }

    /// The customer's language, else the business's.
    public func language(for invoice: Invoice) -> Language { invoice.customer.language ?? business.defaultLanguage }

    public func context(_ invoice: Invoice, amount: Money, link: String) -> PlaceholderContext {
        let language = language(for: invoice)
        return PlaceholderContext(
            customerName: invoice.customer.name, customerMeta: invoice.customer.meta, companyName: business.companyName,
            appointmentMeta: invoice.appointmentMeta, reference: invoice.reference.value,
            formattedAmount: SMSText.normalize(MoneyFormat.format(amount, language)), link: link)
    }

    /// A saved reply when named, else the fixed text. Unknown placeholders and unfilled
    /// `[brackets]` are errors: such a text must not reach a customer.
    public func compose(_ fixed: FixedMessage, reply: String?, invoice: Invoice, amount: Money, link: String) throws(OperationError) -> ComposedMessage {
        let language = MessageLanguage(language(for: invoice))
        let composer = MessageComposer(companyName: business.companyName, includesOptOut: business.optOutWording)
        let context = context(invoice, amount: amount, link: link)
        let message: ComposedMessage
        do {
            if let reply {
                message = try composer.compose(reply: replies.reply(named: reply), language: language, context: context)
            } else {
                message = try composer.compose(fixed, language: language, context: context)
            }
        } catch {
            throw .message(error.description)
        }
        guard message.unfilledBrackets.isEmpty else {
            throw .message("text not filled in: \(message.unfilledBrackets.joined(separator: ", "))")
        }
        return message
    }
}

extension MessageLanguage {
    public init(_ language: Language) { self = language == .fr ? .fr : .en }
}
