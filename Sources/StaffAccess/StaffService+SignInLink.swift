import Foundation
import Store

/// One-time sign-in links, which `paypage serve` prints on loopback (like a notebook server's
/// token URL): valid once, for `signInLinkLifetime`, for the first owner.
extension StaffService {
    /// A new link's secret for the first owner; nil when the workspace has no owner.
    public func issueSignInLink() throws(StaffError) -> SignInLink? {
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
    public func redeemSignInLink(_ token: String) throws(StaffError) -> NewSession {
        guard SecretToken.isWellFormed(token) else { throw .signInFailed }
        let digest = SecretToken.digest(token)
        let now = clock()
        let session = try write { tables throws(StoreError) -> NewSession? in
            guard let link = try tables.takeSignInLink(tokenDigest: digest), now < link.expiresAt,
                  let account = try tables.account(id: link.staffID) else { return nil }
            return try startSession(account, in: tables, at: now)
        }
        guard let session else { throw .signInFailed }
        return session
    }

    public func redeemSignInLink(_ token: String) async throws(StaffError) -> NewSession {
        try await offloaded { service throws(StaffError) in try service.redeemSignInLink(token) }
    }
}
