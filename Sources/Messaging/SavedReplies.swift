/// The business's saved replies, as stored in `Records/replies.json`.
package struct SavedReplies: Sendable, Codable, Hashable {
    package var replies: [SavedReply]

    package init(replies: [SavedReply] = []) {
        self.replies = replies
    }

    /// The reply staff named; names are compared exactly (they are identifiers in records).
    package func reply(named name: String) throws(MessagingError) -> SavedReply {
        guard let reply = replies.first(where: { $0.name == name }) else {
            throw .replyNotFound(name: name)
        }
        return reply
    }

    /// Names used more than once: `reply(named:)` would silently pick the first,
    /// so `paypage check` should report these.
    package var duplicateNames: [String] {
        var seen: Set<String> = []
        var duplicates: [String] = []
        for reply in replies where !seen.insert(reply.name).inserted && !duplicates.contains(reply.name) {
            duplicates.append(reply.name)
        }
        return duplicates
    }
}
