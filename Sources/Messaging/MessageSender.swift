/// Something that accepts a text for delivery.
///
/// Synchronous on purpose: the sender used by commands is the ledger's outbox, a local
/// database write that must commit in the same transaction as the event it reports
/// (e.g. "reminded"). A real SMS gateway will not be called from here directly: a
/// delivery worker drains the outbox and does the slow, async network call, so a
/// network failure never loses or duplicates a ledger event.
///
/// `throws` is untyped because each implementation has its own error type (the store's,
/// a gateway's); Messaging's own validation happens before, when building the message.
package protocol MessageSender: Sendable {
    func send(_ message: OutgoingMessage) throws -> SentMessageID
}
