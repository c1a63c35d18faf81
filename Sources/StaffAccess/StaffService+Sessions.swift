import Foundation
import Store

/// Checking and ending sessions.
extension StaffService {
    /// The session behind a cookie's id, or nil when there is none, or it passed its lifetime
    /// or idle timeout (it is then forgotten). Notes the use, at most once per `touchInterval`.
    public func session(id: String) throws(StaffError) -> StaffSession? {
        guard SecretToken.isWellFormed(id) else { return nil }
        let digest = SecretToken.digest(id)
        let now = clock()
        let found = try read { tables throws(StoreError) -> (StaffSessionRow, StaffAccountRow)? in
            guard let row = try tables.session(idDigest: digest), let account = try tables.account(id: row.staffID) else { return nil }
            return (row, account)
        }
        guard let found else { return nil }
        var row = found.0
        let account = found.1
        if now >= row.createdAt.addingTimeInterval(policy.sessionLifetime) || now >= row.lastSeenAt.addingTimeInterval(policy.idleTimeout) {
            try write { tables throws(StoreError) in try tables.deleteSession(idDigest: digest) }
            return nil
        }
        if now.timeIntervalSince(row.lastSeenAt) >= policy.touchInterval {
            try write { tables throws(StoreError) in try tables.touchSession(idDigest: digest, at: now) }
            row.lastSeenAt = now
        }
        return session(row, member: StaffMember(account))
    }

    public func session(id: String) async throws(StaffError) -> StaffSession? {
        try await offloaded { service throws(StaffError) in try service.session(id: id) }
    }

    /// Ends the session behind a cookie's id (signing out); nothing happens for an unknown id.
    public func signOut(sessionID id: String) throws(StaffError) {
        guard SecretToken.isWellFormed(id) else { return }
        let digest = SecretToken.digest(id)
        try write { tables throws(StoreError) in try tables.deleteSession(idDigest: digest) }
    }

    public func signOut(sessionID id: String) async throws(StaffError) {
        try await offloaded { service throws(StaffError) in try service.signOut(sessionID: id) }
    }
}
