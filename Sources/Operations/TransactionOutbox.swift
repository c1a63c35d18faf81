import Billing
import Foundation
import Messaging
import Store


/// What happened to a text: queued, or skipped because the customer opted out.
public enum MessageOutcome: Sendable, Hashable {
    case queued(id: Int64, segments: SegmentCount)
    case optedOut

    public var wasQueued: Bool { if case .queued = self { true } else { false } }
}

extension RequestService {
    /// Queues `message` to the customer unless they opted out, and records it on the request.
    func deliver(_ message: ComposedMessage, kind: MessageKind, to phone: PhoneNumber, reference: Reference?,
                 in tx: LedgerTransaction, at: Date) throws(OperationError) -> MessageOutcome {
        // Queued in the same transaction as the event that caused it: a text is never sent
        // for a change that did not commit. An `OutboxDispatcher` hands it to the gateway later.
        let outgoing: OutgoingMessage
        do { outgoing = try OutgoingMessage(to: phone.e164, message: message, kind: kind, reference: reference?.value) } catch {
            throw .messaging(error)
        }
        return try storeCall { () throws(StoreError) in
            if try tx.isOptedOut(phone: phone) { return .optedOut }
            let id = try tx.enqueue(OutboxMessage(
                createdAt: at, to: phone, body: outgoing.body, kind: kind.rawValue, reference: reference,
                segments: outgoing.segments.segments, encoding: outgoing.segments.encoding == .gsm7 ? .gsm7 : .ucs2))
            if let reference { _ = try tx.append(.messageSent(kind: kind.rawValue, messageID: id), to: reference, at: at, by: actor) }
            return .queued(id: id, segments: message.segments)
        }
    }
}
