/// A text ready to hand to a `MessageSender`.
package struct OutgoingMessage: Sendable, Codable, Hashable {
    /// The recipient in E.164 (`+15145550123`); normalizing local numbers is done before.
    package let to: String
    package let body: String
    package let kind: MessageKind
    /// The request's reference, when the text is about one (not for test messages).
    package let reference: String?
    /// Computed from `body` so it can never disagree with what is sent.
    package let segments: SegmentCount

    package init(to: String, body: String, kind: MessageKind, reference: String? = nil) throws(MessagingError) {
        guard Self.isE164(to) else { throw .invalidPhoneNumber(to) }
        guard !body.allSatisfy(\.isWhitespace) else { throw .emptyMessage }
        self.to = to
        self.body = body
        self.kind = kind
        self.reference = reference
        self.segments = SMSSegments.count(body)
    }

    /// A composed message; its segment count is the one staff were shown.
    package init(to: String, message: ComposedMessage, kind: MessageKind, reference: String? = nil) throws(MessagingError) {
        try self.init(to: to, body: message.text, kind: kind, reference: reference)
    }

    /// `+`, then 7 to 15 ASCII digits, the first not 0 (ITU-T E.164 allows at most 15).
    package static func isE164(_ phone: String) -> Bool {
        let utf8 = Array(phone.utf8)
        guard utf8.first == UInt8(ascii: "+") else { return false }
        let digits = utf8.dropFirst()
        guard (7...15).contains(digits.count), digits.first != UInt8(ascii: "0") else { return false }
        return digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
