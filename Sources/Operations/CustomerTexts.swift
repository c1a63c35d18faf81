import Billing
import Foundation
import Messaging
import Store

extension RequestService {
    /// A text to a customer about one of their requests (its placeholders fill from it), as
    /// written by staff or from a saved reply; never to a customer who opted out.
    package func textCustomer(_ phone: PhoneNumber, about referenceText: String, choice: MessageChoice) throws(OperationError) -> (ComposedMessage, MessageOutcome) {
        let reference = try parseReference(referenceText)
        let now = clock()
        return try transaction { tx throws(OperationError) in
            let details = try context(reference, in: tx)
            guard details.invoice.customer.phone == phone else { throw .notFound(.request(reference: reference.value)) }
            let message = try customerText(details, choice: choice)
            let outcome = try deliver(message, kind: .manual, to: phone, reference: reference, in: tx, at: now)
            guard outcome.wasQueued else { throw .conflict(.optedOut(phone: phone.e164, action: "nothing sent")) }
            return (message, outcome)
        }
    }

    /// What `textCustomer` would send, composed the same way; nothing is written.
    package func previewCustomerText(_ phone: PhoneNumber, about referenceText: String, choice: MessageChoice) throws(OperationError) -> MessagePreview {
        let details = try context(referenceText)
        guard details.invoice.customer.phone == phone else { throw .notFound(.request(reference: details.reference.value)) }
        if case .standard = choice { throw .messaging(.emptyMessage) }
        let draft = try RequestMessages(business: details.business, replies: replies)
            .draft(.paymentRequest, choice: choice, invoice: details.invoice, amount: customerAmount(details), link: details.link)
        return MessagePreview(message: draft.message, link: details.link, amount: customerAmount(details), customerName: details.invoice.customer.name,
                              unfilled: draft.unfilled)
    }

    /// A customer text has no built-in wording: staff write it or pick a reply.
    private func customerText(_ details: RequestDetails, choice: MessageChoice) throws(OperationError) -> ComposedMessage {
        if case .standard = choice { throw .messaging(.emptyMessage) }
        return try RequestMessages(business: details.business, replies: replies)
            .compose(.paymentRequest, choice: choice, invoice: details.invoice, amount: customerAmount(details), link: details.link)
    }

    /// `{ request.amount }`: what is still due, else what the request was for.
    private func customerAmount(_ details: RequestDetails) -> Money {
        details.state.amountDue.isPositive ? details.state.amountDue : details.state.amount
    }
}
