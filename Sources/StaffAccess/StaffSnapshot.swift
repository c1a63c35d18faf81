import Foundation
import Store

/// The accounts of a ledger, hashes included, to carry them into a new ledger (`paypage demo`
/// starts the requests afresh but never drops staff accounts). Sessions are not carried.
public struct StaffSnapshot: Sendable {
    let accounts: [StaffAccountRow]

    public static let empty = StaffSnapshot(accounts: [])

    public var isEmpty: Bool { accounts.isEmpty }

    public static func take(from ledger: Ledger) throws(StoreError) -> StaffSnapshot {
        StaffSnapshot(accounts: try ledger.staffRead { tables throws(StoreError) in try tables.accounts() })
    }

    /// Adds the accounts whose names `ledger` does not have yet, keeping their passwords.
    public func restore(into ledger: Ledger) throws(StoreError) {
        try ledger.staffWrite { tables throws(StoreError) in
            for account in accounts {
                guard try tables.account(nameKey: account.nameKey) == nil else { continue }
                _ = try tables.insertAccount(name: account.name, nameKey: account.nameKey, role: account.role,
                                             language: account.language, passwordHash: account.passwordHash, at: account.createdAt)
            }
        }
    }
}
