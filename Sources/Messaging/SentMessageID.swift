/// What a sender returns to identify a message it accepted (an outbox row id, or a
/// gateway's message id), opaque to Messaging.
package struct SentMessageID: Sendable, Codable, Hashable, CustomStringConvertible {
    package let rawValue: String

    package init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    package var description: String { rawValue }
}
