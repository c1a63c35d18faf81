import Checkout
import Foundation

/// 3-D Secure challenges waiting for the customer's answer. Kept on the server (never
/// round-tripped through the browser, which could alter the amount); they expire after
/// ten minutes and at most 1,000 are kept.
actor ChallengeStore {
    private var pending: [String: (challenge: PendingChallenge, token: String, created: Date)] = [:]
    private let lifetime: TimeInterval = 600

    func keep(_ challenge: PendingChallenge, token: String, now: Date = Date()) {
        pending = pending.filter { now.timeIntervalSince($0.value.created) < lifetime }
        if pending.count >= 1_000, let oldest = pending.min(by: { $0.value.created < $1.value.created })?.key {
            pending[oldest] = nil
        }
        pending[challenge.id] = (challenge, token, now)
    }

    /// The challenge, if it belongs to this link and has not expired. It stays until answered
    /// so a double-clicked answer replays through the idempotency key.
    func challenge(_ id: String, token: String, now: Date = Date()) -> PendingChallenge? {
        guard let entry = pending[id], entry.token == token, now.timeIntervalSince(entry.created) < lifetime else { return nil }
        return entry.challenge
    }
}
