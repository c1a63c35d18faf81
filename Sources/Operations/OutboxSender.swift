import Billing
import Foundation
import Messaging
import Store

/// The ledger's outbox as a `MessageSender`: what PayPage "sends" is queued in the ledger, where a
/// real SMS gateway (another `MessageSender`) would pick it up. Texts caused by a ledger event are
/// queued inside that event's transaction instead (`RequestService.deliver`), so they never go
/// out for a change that did not commit.
package struct OutboxSender: MessageSender {
    package let ledger: Ledger
    package let clock: @Sendable () -> Date

    package init(ledger: Ledger, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.ledger = ledger
        self.clock = clock
    }

    package func send(_ message: OutgoingMessage) throws -> SentMessageID {
        let phone = try PhoneNumber(message.to)
        let reference = try message.reference.map { try Reference($0) }
        let id = try ledger.enqueue(OutboxMessage(
            createdAt: clock(), to: phone, body: message.body, kind: message.kind.rawValue, reference: reference,
            segments: message.segments.segments, encoding: message.segments.encoding == .gsm7 ? .gsm7 : .ucs2))
        return SentMessageID(String(id))
    }
}
