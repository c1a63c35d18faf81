import Billing
import Foundation
import Store

/// One customer: their requests and their conversation (texts sent, replies received).
package struct CustomerProfile: Sendable {
    package var summary: CustomerSummary
    /// The language of their newest request (the customer's, else its business's).
    package var language: Language
    package var requests: [RequestOverview]
    /// Oldest first.
    package var conversation: [ConversationItem]
    package var optedOut: Bool
}

/// A text in a customer's conversation.
package struct ConversationItem: Sendable, Hashable {
    package enum Direction: String, Sendable, Hashable { case sent, received }

    package var at: Date
    package var direction: Direction
    package var body: String
    /// Sent texts: queued or sent, what it was for, and about which request.
    package var status: OutboxMessage.Status?
    package var kind: String?
    package var reference: String?
    /// Received: the reply was STOP/ARRET.
    package var optOut: Bool
}

extension RequestService {
    package func customerProfile(_ phone: PhoneNumber) throws(OperationError) -> CustomerProfile {
        let requests = try list(customer: phone.e164).filter { $0.customerPhone == phone }
        guard let newest = requests.first else { throw .notFound(.customer(query: phone.e164)) }
        let sent = try storeCall { () throws(StoreError) in try ledger.outbox(to: phone) }
        let received = try storeCall { () throws(StoreError) in try ledger.inbound(from: phone) }
        let optedOut = try storeCall { () throws(StoreError) in try ledger.isOptedOut(phone: phone) }
        let conversation = (sent.map {
            ConversationItem(at: $0.createdAt, direction: .sent, body: $0.body, status: $0.status, kind: $0.kind, reference: $0.reference?.value,
                             optOut: false)
        } + received.map {
            ConversationItem(at: $0.receivedAt, direction: .received, body: $0.body, status: nil, kind: nil, reference: nil, optOut: $0.optOut)
        }).sorted { $0.at < $1.at }
        let language = (try? context(newest.reference)).map { $0.invoice.customer.language ?? $0.business.defaultLanguage }
            ?? businesses.main.defaultLanguage
        let summary = CustomerSummary(phone: phone, name: newest.customerName, requestCount: requests.count, lastRequestAt: newest.createdAt)
        return CustomerProfile(summary: summary, language: language, requests: requests, conversation: conversation, optedOut: optedOut)
    }
}
