import Checkout
import Foundation

/// 3-D Secure challenges waiting for the customer's answer. Kept on the server (never
/// round-tripped through the browser, which could alter the amount); they expire after
/// ten minutes and at most 1,000 are kept.
actor ChallengeStore {
    private struct Entry {
        var challenge: PendingChallenge
        var token: String
        var created: Date
        /// The idempotency key of the first answer: only that attempt may answer again (and then
        /// replays its first answer), so a failed authentication cannot be retried into a payment.
        var answeredBy: String?
    }

    private var pending: [String: Entry] = [:]
    private let lifetime: TimeInterval = 600

    func keep(_ challenge: PendingChallenge, token: String, now: Date = Date()) {
        pending = pending.filter { now.timeIntervalSince($0.value.created) < lifetime }
        if pending.count >= 1_000, let oldest = pending.min(by: { $0.value.created < $1.value.created })?.key {
            pending[oldest] = nil
        }
        pending[challenge.id] = Entry(challenge: challenge, token: token, created: now)
    }

    /// The challenge, if it belongs to this link, has not expired, and has not been answered by
    /// another attempt. The first answer claims it; the same attempt may answer again, so a
    /// double-clicked answer replays through the idempotency key. An answer without a key
    /// claims it for good.
    func claim(_ id: String, token: String, key: String?, now: Date = Date()) -> PendingChallenge? {
        guard var entry = pending[id], entry.token == token, now.timeIntervalSince(entry.created) < lifetime else { return nil }
        if let owner = entry.answeredBy { return owner == key ? entry.challenge : nil }
        entry.answeredBy = key ?? "-"
        pending[id] = entry
        return entry.challenge
    }
}
