import Foundation
import Store

/// The second step of signing in with a second factor: a pending half session (5 minutes,
/// with its own CSRF token) and a 6-digit code. A code is accepted for the current time step
/// and one either side, never for a step already used; a wrong code counts toward the name's
/// lockout like a wrong password, and a lock ends the pending sign-in.
extension StaffService {
    /// Inside the password step's transaction: a session, or the code step when the account's
    /// second factor is on.
    func startStep(_ account: StaffAccountRow, in tables: StaffTables, at now: Date) throws(StoreError) -> SignInStep {
        guard try tables.totp(staffID: account.id)?.confirmedAt != nil else {
            return .signedIn(try startSession(account, in: tables, at: now))
        }
        try tables.deletePendingSignIns(expiredBy: now)
        let id = SecretToken.fresh()
        let row = PendingSignInRow(idDigest: SecretToken.digest(id), staffID: account.id, createdAt: now,
                                   expiresAt: now.addingTimeInterval(policy.pendingSignInLifetime), csrfSecret: SecretToken.fresh())
        try tables.insertPendingSignIn(row)
        return .needsCode(PendingSignIn(id: id, name: account.name, csrfToken: row.csrfSecret, expiresAt: row.expiresAt))
    }

    /// The pending sign-in behind a cookie's id, or nil (unknown or expired).
    package func pendingSignIn(id: String) throws(StaffError) -> PendingSignIn? {
        guard SecretToken.isWellFormed(id) else { return nil }
        let digest = SecretToken.digest(id)
        let now = clock()
        let found = try read { tables throws(StoreError) -> (PendingSignInRow, StaffAccountRow)? in
            guard let row = try tables.pendingSignIn(idDigest: digest), let account = try tables.account(id: row.staffID) else { return nil }
            return (row, account)
        }
        guard let (row, account) = found, now < row.expiresAt else { return nil }
        return PendingSignIn(id: id, name: account.name, csrfToken: row.csrfSecret, expiresAt: row.expiresAt)
    }

    /// The code step: a session, or `.signInFailed` (unknown or expired pending sign-in, locked
    /// name, wrong or reused code).
    package func finishSignIn(pendingID id: String, code: String) throws(StaffError) -> NewSession {
        guard SecretToken.isWellFormed(id) else { throw .signInFailed }
        let digest = SecretToken.digest(id)
        let now = clock()
        let step = TOTPSecret.step(at: now)
        let session = try write { tables throws(StoreError) -> NewSession? in
            try tables.deletePendingSignIns(expiredBy: now)
            guard let pending = try tables.pendingSignIn(idDigest: digest), let account = try tables.account(id: pending.staffID) else {
                return nil
            }
            try tables.deleteSignInFailures(before: now.addingTimeInterval(-policy.lockDuration))
            let failure = try tables.signInFailure(nameKey: account.nameKey)
            let locked = failure?.lockedUntil.map { $0 > now } ?? false
            if !locked, var totp = try tables.totp(staffID: account.id), totp.confirmedAt != nil,
               let secret = TOTPSecret(bytes: totp.secret), let matched = secret.matchingStep(code, around: step),
               matched > (totp.lastStep ?? .min) {
                totp.lastStep = matched
                try tables.setTOTP(totp)
                try tables.deletePendingSignIn(idDigest: digest)
                try tables.clearSignInFailures(nameKey: account.nameKey)
                return try startSession(account, in: tables, at: now)
            }
            let next = nextFailure(after: failure, key: account.nameKey, locked: locked, at: now)
            try tables.setSignInFailure(next)
            if let until = next.lockedUntil, until > now { try tables.deletePendingSignIn(idDigest: digest) }
            return nil
        }
        guard let session else { throw .signInFailed }
        return session
    }

    package func finishSignIn(pendingID id: String, code: String) async throws(StaffError) -> NewSession {
        try await offloaded { service throws(StaffError) in try service.finishSignIn(pendingID: id, code: code) }
    }

    /// Forgets a pending sign-in (cancelled, or begun by a caller that cannot ask for a code).
    package func endPendingSignIn(id: String) throws(StaffError) {
        guard SecretToken.isWellFormed(id) else { return }
        let digest = SecretToken.digest(id)
        try write { tables throws(StoreError) in try tables.deletePendingSignIn(idDigest: digest) }
    }
}
