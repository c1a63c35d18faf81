import Foundation
import Store

/// Signing in with a name and a password.
///
/// An unknown name, a wrong password, a locked name and a malformed entry all end the same
/// way: one bcrypt check (against a dummy hash when there is no account), one write recording
/// the failure, and `StaffError.signInFailed`. So neither the answer nor its timing tells
/// which names exist or which are locked.
extension StaffService {
    /// Signs in someone without a second factor. Blocks for bcrypt and a ledger write; from a
    /// server, use `beginSignIn`, which also leads to the code step.
    package func signIn(name: String, password: String) throws(StaffError) -> NewSession {
        switch try beginSignIn(name: name, password: password) {
        case .signedIn(let session): return session
        case .needsCode(let pending):
            try endPendingSignIn(id: pending.id)
            throw .signInFailed
        }
    }

    /// The password step: a session, or, for someone with a second factor, a pending sign-in
    /// that `finishSignIn` completes with a code.
    package func beginSignIn(name: String, password: String) throws(StaffError) -> SignInStep {
        let key = StaffName.key(name)
        let account = try read { tables throws(StoreError) in try tables.account(nameKey: key) }
        // Outside the write transaction: nobody waits for the write lock during bcrypt.
        let verified: Bool
        if let account {
            verified = hasher.verify(password, hash: account.passwordHash) && StaffPassword.isAcceptable(password)
        } else {
            verified = hasher.verifyDummy(password)
        }
        let now = clock()
        let step = try write { tables throws(StoreError) -> SignInStep? in
            try tables.deleteSignInFailures(before: now.addingTimeInterval(-policy.lockDuration))
            let failure = try tables.signInFailure(nameKey: key)
            let locked = failure?.lockedUntil.map { $0 > now } ?? false
            // Still the account that was checked: not removed, password not changed meanwhile.
            if verified, !locked, let account, let current = try tables.account(id: account.id),
               current.passwordHash == account.passwordHash {
                try tables.clearSignInFailures(nameKey: key)
                return try startStep(current, in: tables, at: now)
            }
            try tables.setSignInFailure(nextFailure(after: failure, key: key, locked: locked, at: now))
            return nil
        }
        guard let step else { throw .signInFailed }
        return step
    }

    /// `signIn` off Swift's cooperative pool.
    package func signIn(name: String, password: String) async throws(StaffError) -> NewSession {
        try await offloaded { service throws(StaffError) in try service.signIn(name: name, password: password) }
    }

    /// `beginSignIn` off Swift's cooperative pool.
    package func beginSignIn(name: String, password: String) async throws(StaffError) -> SignInStep {
        try await offloaded { service throws(StaffError) in try service.beginSignIn(name: name, password: password) }
    }

    /// One more failure: the `maximumFailures`-th in a row locks the name for `lockDuration`.
    /// Attempts while locked do not extend the lock.
    func nextFailure(after previous: SignInFailureRow?, key: String, locked: Bool, at now: Date) -> SignInFailureRow {
        if locked, let previous {
            return SignInFailureRow(nameKey: key, failures: previous.failures, lastFailureAt: now, lockedUntil: previous.lockedUntil)
        }
        let count = (previous?.failures ?? 0) + 1
        if count >= policy.maximumFailures {
            return SignInFailureRow(nameKey: key, failures: 0, lastFailureAt: now, lockedUntil: now.addingTimeInterval(policy.lockDuration))
        }
        return SignInFailureRow(nameKey: key, failures: count, lastFailureAt: now, lockedUntil: nil)
    }
}
