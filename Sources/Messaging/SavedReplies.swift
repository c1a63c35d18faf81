/// The business's saved replies, as stored in `Records/replies.json`.
public struct SavedReplies: Sendable, Codable, Hashable {
    public var replies: [SavedReply]

    public init(replies: [SavedReply] = []) {
        self.replies = replies
    }

    /// The reply staff named; names are compared exactly (they are identifiers in records).
    public func reply(named name: String) throws(MessagingError) -> SavedReply {
        guard let reply = replies.first(where: { $0.name == name }) else {
            throw .replyNotFound(name: name)
        }
        return reply
    }

    /// Names used more than once: `reply(named:)` would silently pick the first,
    /// so `paypage check` should report these.
    public var duplicateNames: [String] {
        var seen: Set<String> = []
        var duplicates: [String] = []
        for reply in replies where !seen.insert(reply.name).inserted && !duplicates.contains(reply.name) {
            duplicates.append(reply.name)
        }
        return duplicates
    }
}
