import Billing
import Foundation
import Messaging
import Store

/// The reminder as staff see it before sending: the body they may edit, and the parts that are
/// always added around it (the company name first, the opt-out words last).
package struct ReminderDraft: Sendable, Equatable {
    package var body: String
    package var prefix: String
    package var suffix: String?
    /// The customer's language, which all three are in.
    package var language: MessageLanguage
}

extension RequestService {
    /// The fixed reminder's body for this request, filled in, in the customer's language.
    package func reminderDraft(_ referenceText: String) throws(OperationError) -> ReminderDraft {
        let context = try context(referenceText)
        let messages = RequestMessages(business: context.business, replies: replies)
        let language = MessageLanguage(messages.language(for: context.invoice))
        let filled = messages.context(context.invoice, amount: context.state.amountDue, link: context.link)
        let body: String
        do throws(MessagingError) {
            body = try PlaceholderFiller.fill(FixedMessage.reminder.template(in: language), with: filled)
        } catch { throw .messaging(error) }
        let composer = MessageComposer(companyName: context.business.companyName, includesOptOut: context.business.optOutWording)
        return ReminderDraft(body: body, prefix: composer.senderPrefix(in: language).trimmingCharacters(in: .whitespaces),
                             suffix: context.business.optOutWording ? MessageComposer.optOutWording(in: language) : nil,
                             language: language)
    }
}
