import HummingbirdBcrypt

/// bcrypt through hummingbird-auth's `HummingbirdBcrypt`. Hashing and checking are slow on
/// purpose (cost 12: a few hundred milliseconds) and block the calling thread: a server calls
/// them through `StaffService`'s async methods, which run them on `BlockingWork`'s threads.
public struct PasswordHasher: Sendable {
    public let cost: UInt8
    /// A hash of a random password at the same cost: checking an unknown name against it takes
    /// as long as checking a real account, so the answer's timing does not tell names apart.
    let dummyHash: String

    /// Cost 12 in production; tests may pass a lower cost (4 is bcrypt's minimum).
    public init(cost: UInt8 = 12) {
        precondition((4...31).contains(cost), "bcrypt cost must be between 4 and 31")
        self.cost = cost
        dummyHash = cost == 12 ? Self.dummyHashCost12 : Bcrypt.hash(SecretToken.fresh(), cost: cost)
    }

    /// A new salted hash. Call `StaffPassword.check` first.
    public func hash(_ password: String) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    public func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// `verify` against the dummy hash: always false, in the same time.
    func verifyDummy(_ password: String) -> Bool {
        _ = Bcrypt.verify(password, hash: dummyHash)
        return false
    }

    /// bcrypt of 32 random bytes nobody kept, at cost 12 (computed once, so that no server start
    /// pays for it).
    static let dummyHashCost12 = "$2b$12$6ZmLMgSFdUWqUgq9O60gnOtzfVkE2BFRC6uA6SswHTiHq0W5MAm7C"
}
