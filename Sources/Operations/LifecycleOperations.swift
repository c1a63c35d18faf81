import Billing
import Foundation
import Messaging
import Store

extension RequestService {
    /// Voids an unpaid request: its page then says so and can no longer be paid.
    public func void(_ referenceText: String, reason: String?) throws(OperationError) -> RequestStatus {
        let reference = try parseReference(referenceText)
        let now = clock()
        return try transaction { tx throws(OperationError) in
            let context = try context(reference, in: tx)
            try check(reference) { () throws(BillingError) in try rules(context.business).checkVoid(context.state) }
            try storeCall { () throws(StoreError) in _ = try tx.append(.voided(reason: reason), to: reference, at: now, by: actor) }
            return .voided
        }
    }

    /// Sends the reminder for an unpaid request, within the business's limits: the fixed text,
    /// or `body` as staff edited it (the company name and the opt-out words are still added).
    public func remind(_ referenceText: String, body: String? = nil) throws(OperationError) -> MessageOutcome {
        let reference = try parseReference(referenceText)
        let now = clock()
        return try transaction { tx throws(OperationError) in
            let context = try context(reference, in: tx)
            try check(reference) { () throws(BillingError) in try rules(context.business).checkRemind(context.state) }
            let messages = RequestMessages(business: context.business, replies: replies)
            let message: ComposedMessage
            if let body {
                let composer = MessageComposer(companyName: context.business.companyName, includesOptOut: context.business.optOutWording)
                do throws(MessagingError) {
                    message = try composer.finish(body: body, language: MessageLanguage(messages.language(for: context.invoice)))
                } catch { throw .messaging(error) }
            } else {
                message = try messages.compose(.reminder, reply: nil, invoice: context.invoice, amount: context.state.amountDue, link: context.link)
            }
            let outcome = try deliver(message, kind: .reminder, to: context.invoice.customer.phone, reference: reference, in: tx, at: now)
            guard outcome.wasQueued else { throw .conflict(.optedOut(phone: "\(context.invoice.customer.phone)", action: "no reminder sent")) }
            try storeCall { () throws(StoreError) in _ = try tx.append(.reminded, to: reference, at: now, by: actor) }
            return outcome
        }
    }

    /// Sends the payment confirmation by hand, from a saved reply or the built-in text.
    public func confirm(_ referenceText: String, reply: String?) throws(OperationError) -> MessageOutcome {
        let reference = try parseReference(referenceText)
        let now = clock()
        return try transaction { tx throws(OperationError) in
            let context = try context(reference, in: tx)
            try check(reference) { () throws(BillingError) in try rules(context.business).checkConfirm(context.state) }
            let message = try RequestMessages(business: context.business, replies: replies)
                .compose(.confirmation, reply: reply ?? context.business.confirmationReply, invoice: context.invoice,
                         amount: context.state.paid, link: context.link)
            let outcome = try deliver(message, kind: .confirmation, to: context.invoice.customer.phone, reference: reference, in: tx, at: now)
            guard outcome.wasQueued else { throw .conflict(.optedOut(phone: "\(context.invoice.customer.phone)", action: "nothing sent")) }
            try storeCall { () throws(StoreError) in _ = try tx.append(.confirmationSent, to: reference, at: now, by: actor) }
            return outcome
        }
    }

    /// Sends the link again (or for the first time), from a saved reply or the built-in text.
    public func sendLink(_ referenceText: String, reply: String?) throws(OperationError) -> (ComposedMessage, MessageOutcome) {
        let reference = try parseReference(referenceText)
        let now = clock()
        return try transaction { tx throws(OperationError) in
            let context = try context(reference, in: tx)
            guard context.state.status == .open else {
                throw .notAllowed(reference: reference.value, .notAllowed(.sendLink, .status(context.state.status)))
            }
            let message = try RequestMessages(business: context.business, replies: replies)
                .compose(.paymentRequest, reply: reply, invoice: context.invoice, amount: context.state.amountDue, link: context.link)
            let outcome = try deliver(message, kind: .request, to: context.invoice.customer.phone, reference: reference, in: tx, at: now)
            guard outcome.wasQueued else { throw .conflict(.optedOut(phone: "\(context.invoice.customer.phone)", action: "nothing sent")) }
            return (message, outcome)
        }
    }

    /// Gives the request a new token: the old link answers 404 from the next build on.
    public func rotateLink(_ referenceText: String) throws(OperationError) -> String {
        let reference = try parseReference(referenceText)
        let now = clock()
        return try transaction { tx throws(OperationError) in
            let context = try context(reference, in: tx)
            do throws(StoreError) {
                let token = try tx.rotateToken(reference: reference, at: now, by: actor)
                return context.business.link(token: token.value)
            } catch { throw .store(error) }
        }
    }
}
