import Foundation
import Store

/// Staff accounts, signing in, sessions and one-time sign-in links, over the ledger's staff
/// tables. Every method is synchronous and may block (bcrypt, SQLite): the CLI calls them
/// directly; a server calls the `async` ones (`signIn`, `redeemSignInLink`, `session`,
/// `signOut`) or wraps any other in `offloaded`, which run them off Swift's cooperative pool.
/// None of these writes moves the ledger's change counter, so none triggers a site rebuild.
public struct StaffService: Sendable {
    public let ledger: Ledger
    public let hasher: PasswordHasher
    public let policy: StaffPolicy
    public let clock: @Sendable () -> Date

    public init(ledger: Ledger, hasher: PasswordHasher = PasswordHasher(), policy: StaffPolicy = .standard,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.ledger = ledger
        self.hasher = hasher
        self.policy = policy
        self.clock = clock
    }

    /// Runs any of these calls on `BlockingWork`'s threads, e.g. from a Hummingbird handler:
    /// `try await staff.offloaded { try $0.removeAccount(named: name) }`.
    public func offloaded<T: Sendable>(_ body: @escaping @Sendable (StaffService) throws(StaffError) -> T) async throws(StaffError) -> T {
        let service = self
        return try await BlockingWork.run { () throws(StaffError) -> T in try body(service) }
    }

    func write<T>(_ body: (StaffTables) throws(StoreError) -> T) throws(StaffError) -> T {
        do { return try ledger.staffWrite(body) } catch { throw .store(error) }
    }

    func read<T>(_ body: (StaffTables) throws(StoreError) -> T) throws(StaffError) -> T {
        do { return try ledger.staffRead(body) } catch { throw .store(error) }
    }

    /// Begins a session for `account` inside the caller's transaction, forgetting expired ones.
    func startSession(_ account: StaffAccountRow, in tables: StaffTables, at now: Date) throws(StoreError) -> NewSession {
        try tables.deleteSessions(createdBefore: now.addingTimeInterval(-policy.sessionLifetime),
                                  seenBefore: now.addingTimeInterval(-policy.idleTimeout))
        let id = SecretToken.fresh()
        let row = StaffSessionRow(idDigest: SecretToken.digest(id), staffID: account.id, createdAt: now, lastSeenAt: now,
                                  csrfSecret: SecretToken.fresh())
        try tables.insertSession(row)
        return NewSession(id: id, session: session(row, member: StaffMember(account)))
    }

    func session(_ row: StaffSessionRow, member: StaffMember) -> StaffSession {
        let expires = min(row.createdAt.addingTimeInterval(policy.sessionLifetime), row.lastSeenAt.addingTimeInterval(policy.idleTimeout))
        return StaffSession(member: member, csrfToken: row.csrfSecret, createdAt: row.createdAt, lastSeenAt: row.lastSeenAt,
                            expiresAt: expires)
    }
}
