import Billing
import Messaging

/// Builds the text messages of one request from its invoice, business and link.
package struct RequestMessages: Sendable {
    package let business: BusinessSettings
    package let replies: SavedReplies

    package init(business: BusinessSettings, replies: SavedReplies) {
        self.business = business
        self.replies = replies
    }

    /// The customer's language, else the business's.
    package func language(for invoice: Invoice) -> Language { invoice.customer.language ?? business.defaultLanguage }

    package func context(_ invoice: Invoice, amount: Money, link: String) -> PlaceholderContext {
        let language = language(for: invoice)
        return PlaceholderContext(
            customerName: invoice.customer.name, customerMeta: invoice.customer.meta, companyName: business.companyName,
            appointmentMeta: invoice.appointmentMeta, reference: invoice.reference.value,
            formattedAmount: SMSText.normalize(MoneyFormat.format(amount, language)), link: link)
    }

    /// A saved reply when named, else the fixed text. Unknown placeholders and unfilled
    /// `[brackets]` are errors: such a text must not reach a customer.
    package func compose(_ fixed: FixedMessage, reply: String?, invoice: Invoice, amount: Money, link: String) throws(OperationError) -> ComposedMessage {
        let language = MessageLanguage(language(for: invoice))
        let context = context(invoice, amount: amount, link: link)
        let message = try compose(fixed, reply: reply, language: language, context: context, companyName: business.companyName)
        // Brackets count only in the text staff wrote, not in the values filled in: a customer named
        // "Roy [Johnny]" (or a company, or a meta value with brackets) must not block every text to
        // them, nor the payment whose automatic confirmation is composed in the same transaction.
        let written = try compose(fixed, reply: reply, language: language, context: Self.withoutBrackets(context),
                                  companyName: Self.withoutBrackets(business.companyName))
        guard written.unfilledBrackets.isEmpty else {
            throw .conflict(.unfilledText(written.unfilledBrackets))
        }
        return message
    }

    private func compose(_ fixed: FixedMessage, reply: String?, language: MessageLanguage, context: PlaceholderContext,
                         companyName: String) throws(OperationError) -> ComposedMessage {
        let composer = MessageComposer(companyName: companyName, includesOptOut: business.optOutWording)
        do {
            if let reply {
                return try composer.compose(reply: replies.reply(named: reply), language: language, context: context)
            }
            return try composer.compose(fixed, language: language, context: context)
        } catch {
            throw .messaging(error)
        }
    }

    static func withoutBrackets(_ text: String) -> String { text.filter { $0 != "[" && $0 != "]" } }

    static func withoutBrackets(_ context: PlaceholderContext) -> PlaceholderContext {
        var clean = context
        clean.customerName = withoutBrackets(context.customerName)
        clean.customerMeta = context.customerMeta.mapValues(withoutBrackets)
        clean.companyName = withoutBrackets(context.companyName)
        clean.appointmentMeta = context.appointmentMeta.mapValues(withoutBrackets)
        clean.reference = withoutBrackets(context.reference)
        clean.formattedAmount = withoutBrackets(context.formattedAmount)
        clean.link = withoutBrackets(context.link)
        return clean
    }
}

extension MessageLanguage {
    package init(_ language: Language) { self = language == .fr ? .fr : .en }
}
