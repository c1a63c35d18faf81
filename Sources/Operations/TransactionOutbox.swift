import Billing
import Foundation
import Messaging
import Store

/// The ledger's outbox as a `MessageSender`: the text is queued in the same transaction as
/// the event that caused it, so a message is never sent for a change that did not commit.
struct TransactionOutbox: MessageSender {
    let tx: LedgerTransaction
    let at: Date

    func send(_ message: OutgoingMessage) throws -> SentMessageID {
        let phone = try PhoneNumber(message.to)
        let reference = try message.reference.map { text throws(BillingError) in try Reference(text) }
        let id = try tx.enqueue(OutboxMessage(
            createdAt: at, to: phone, body: message.body, kind: message.kind.rawValue, reference: reference,
            segments: message.segments.segments, encoding: message.segments.encoding == .gsm7 ? .gsm7 : .ucs2))
        return SentMessageID(String(id))
    }
}

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
        do {
            if try tx.isOptedOut(phone: phone) { return .optedOut }
            let outgoing = try OutgoingMessage(to: phone.e164, message: message, kind: kind, reference: reference?.value)
            let sent = try TransactionOutbox(tx: tx, at: at).send(outgoing)
            let id = Int64(sent.rawValue) ?? 0
            if let reference { _ = try tx.append(.messageSent(kind: kind.rawValue, messageID: id), to: reference, at: at) }
            return .queued(id: id, segments: message.segments)
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .message("\(error)")
        }
    }
}
