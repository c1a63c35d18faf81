/// What a sender returns to identify a message it accepted (an outbox row id, or a
/// gateway's message id), opaque to Messaging.
public struct SentMessageID: Sendable, Codable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }
}
