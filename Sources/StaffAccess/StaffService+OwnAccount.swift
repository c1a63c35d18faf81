import Foundation
import Store

/// What every staff member may change of their own account, and the account lookups the
/// owners' staff page needs.
extension StaffService {
    /// Changes one's own password: the current one is required (a wrong one counts as a failed
    /// sign-in). Ends the person's other sessions, keeping the one whose cookie id is `keeping`;
    /// returns how many ended. Blocks for bcrypt.
    @discardableResult
    package func changeOwnPassword(named name: String, current: String, new: String, keeping sessionID: String) throws(StaffError) -> Int {
        try StaffPassword.check(new)
        let key = StaffName.key(name)
        guard let account = try read({ tables throws(StoreError) in try tables.account(nameKey: key) }) else {
            throw .unknownAccount(name: name)
        }
        let verified = hasher.verify(current, hash: account.passwordHash)
        let hash = verified ? hasher.hash(new) : nil
        let kept = SecretToken.digest(sessionID)
        let now = clock()
        let ended = try write { tables throws(StoreError) -> Int? in
            try tables.deleteSignInFailures(before: now.addingTimeInterval(-policy.lockDuration))
            let failure = try tables.signInFailure(nameKey: key)
            let locked = failure?.lockedUntil.map { $0 > now } ?? false
            if let hash, !locked, let row = try tables.account(id: account.id), row.passwordHash == account.passwordHash {
                try tables.setPasswordHash(hash, id: account.id)
                try tables.clearSignInFailures(nameKey: key)
                return try tables.deleteSessions(staffID: account.id, except: kept)
            }
            try tables.setSignInFailure(nextFailure(after: failure, key: key, locked: locked, at: now))
            return nil
        }
        guard let ended else { throw .wrongCurrentPassword }
        return ended
    }

    /// One account with its sign-in state, by id (the staff page's addresses).
    package func account(id: Int64) throws(StaffError) -> StaffAccount? {
        try accounts().first { $0.member.id == id }
    }

    /// Whether the session behind a cookie's id is still open, without noting a use (an open
    /// live stream must not keep an idle session alive).
    package func isOpen(sessionID id: String) throws(StaffError) -> Bool {
        guard SecretToken.isWellFormed(id) else { return false }
        let digest = SecretToken.digest(id)
        let now = clock()
        guard let row = try read({ tables throws(StoreError) in try tables.session(idDigest: digest) }) else { return false }
        return now < row.createdAt.addingTimeInterval(policy.sessionLifetime) && now < row.lastSeenAt.addingTimeInterval(policy.idleTimeout)
    }

    /// Notifications this person has not read yet.
    package func unreadNotifications(staffID: Int64) throws(StaffError) -> Int {
        try read { tables throws(StoreError) in try tables.unreadCount(staffID: staffID) }
    }

    /// The highest notification id this person has read (0: none).
    package func notificationsRead(staffID: Int64) throws(StaffError) -> Int64 {
        try read { tables throws(StoreError) in try tables.readThrough(staffID: staffID) }
    }

    /// "Mark all read": every notification up to `id` (the newest the page showed).
    package func markNotificationsRead(staffID: Int64, through id: Int64) throws(StaffError) {
        try write { tables throws(StoreError) in try tables.markRead(staffID: staffID, through: id) }
    }
}
