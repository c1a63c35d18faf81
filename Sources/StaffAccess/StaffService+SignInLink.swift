import Foundation
import Store

/// One-time sign-in links, which `paypage serve` prints on loopback (like a notebook server's
/// token URL): valid once, for `signInLinkLifetime`, for the first owner.
extension StaffService {
    /// A new link's secret for the first owner; nil when the workspace has no owner.
    package func issueSignInLink() throws(StaffError) -> SignInLink? {
        let now = clock()
        return try write { tables throws(StoreError) -> SignInLink? in
            try tables.deleteSignInLinks(expiredBy: now)
            guard let owner = try tables.accounts().first(where: { $0.role == .owner }) else { return nil }
            let token = SecretToken.fresh()
            let expires = now.addingTimeInterval(policy.signInLinkLifetime)
            try tables.insertSignInLink(SignInLinkRow(tokenDigest: SecretToken.digest(token), staffID: owner.id, createdAt: now,
                                                      expiresAt: expires))
            return SignInLink(token: token, ownerName: owner.name, expiresAt: expires)
        }
    }

    /// Uses a link: it is gone afterwards, whether it was still valid or not. An unknown, used
    /// or expired link fails like a wrong password.
    package func redeemSignInLink(_ token: String) throws(StaffError) -> NewSession {
        switch try redeemSignInLinkStep(token) {
        case .signedIn(let session): return session
        case .needsCode(let pending):
            try endPendingSignIn(id: pending.id)
            throw .signInFailed
        }
    }

    /// Uses a link like `redeemSignInLink`; an owner with a second factor still gives a code.
    package func redeemSignInLinkStep(_ token: String) throws(StaffError) -> SignInStep {
        guard SecretToken.isWellFormed(token) else { throw .signInFailed }
        let digest = SecretToken.digest(token)
        let now = clock()
        let step = try write { tables throws(StoreError) -> SignInStep? in
            guard let link = try tables.takeSignInLink(tokenDigest: digest), now < link.expiresAt,
                  let account = try tables.account(id: link.staffID) else { return nil }
            return try startStep(account, in: tables, at: now)
        }
        guard let step else { throw .signInFailed }
        return step
    }

    package func redeemSignInLink(_ token: String) async throws(StaffError) -> NewSession {
        try await offloaded { service throws(StaffError) in try service.redeemSignInLink(token) }
    }

    package func redeemSignInLinkStep(_ token: String) async throws(StaffError) -> SignInStep {
        try await offloaded { service throws(StaffError) in try service.redeemSignInLinkStep(token) }
    }
}
